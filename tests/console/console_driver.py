"""Driving the staff console in Debian's headless Chromium (chromedriver,
python3-selenium): the browser, waits bounded by conditions (scaled by
LOBBY_TEST_TIME_SCALE), clicks that wait for the next page, and signing in.
Shared by browser_test.py and the kiosk end-to-end helper (staff_at_console.py)."""
import os
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

SCALE = float(os.environ.get("LOBBY_TEST_TIME_SCALE", "1") or 1)
DESK = (1366, 900)
PHONE = (390, 844)


def browser(size=DESK):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--lang=zh-CN", "--user-data-dir=" + tempfile.mkdtemp(prefix="chromium-")]:
        options.add_argument(flag)
    options.add_argument("--window-size=%d,%d" % size)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30 * SCALE)
    return driver


def text(driver):
    return driver.find_element(By.TAG_NAME, "body").text


def wait(driver, condition, what, seconds=15):
    """Waits for condition(driver); fails naming what it waited for and the page it saw."""
    try:
        # A page being replaced by the next one (after a click) is no failure: ask again.
        return WebDriverWait(driver, seconds * SCALE, poll_frequency=0.1,
                             ignored_exceptions=(NoSuchElementException, StaleElementReferenceException,
                                                 WebDriverException)).until(condition)
    except Exception:
        raise AssertionError("waited %ds for %s; page %s:\n%s" % (seconds * SCALE, what, driver.current_url,
                                                                  text(driver)[:800])) from None


def click_through(driver, element):
    """Clicks what sends a form or follows a link, and waits until the next
    page has replaced this one: nothing is looked up in a page being
    unloaded (the cause of 'node does not belong to the document')."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    wait(driver, expected_conditions.staleness_of(page), "the next page")


def login(driver, url, user, password):
    driver.get(url + "/console/login")
    driver.find_element(By.ID, "username").clear()
    driver.find_element(By.ID, "username").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(password)
    click_through(driver, driver.find_element(By.ID, "login"))


def add_account(driver, url, username, name, role, password):
    """A manager adds a staff account on the staff page."""
    driver.get(url + "/console/staff")
    driver.find_element(By.ID, "new-username").send_keys(username)
    driver.find_element(By.ID, "new-name").send_keys(name)
    Select(driver.find_element(By.ID, "new-role")).select_by_value(role)
    driver.find_element(By.ID, "new-password").send_keys(password)
    click_through(driver, driver.find_element(By.ID, "add-account"))
    wait(driver, lambda d: "账号已创建" in text(d), "the account %s added" % username)


def screenshot(driver, path_without_ext):
    """The whole page at desk and at phone width: <path>-desk.png, <path>-phone.png."""
    for label, size in (("desk", DESK), ("phone", PHONE)):
        driver.set_window_size(*size)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(size[0], min(max(size[1], height + 140), 5000))
        driver.save_screenshot("%s-%s.png" % (path_without_ext, label))
    driver.set_window_size(*DESK)
