#!/usr/bin/python3
"""Staff act for a real kiosk, in headless Chromium, for the end-to-end UI
script repairs_console.script (run by run_with_server.sh): the first manager
is made with the server's --create-manager flag and adds a maintenance worker
on the staff page; the ticket the kiosk filed is found in the queue, the
worker assigned, moved through 已受理, 已预约 and 维修中, its charge recorded,
and handed to the resident for 验收 (待验收). Then an urgent notice is
written in Markdown, previewed and published with its category and validity;
its title and body carry HTML and script, which every page shows as text.

    staff_at_console.py TICKET_ID

Reads LOBBY_SERVER_URL, LOBBY_SERVER_BIN, LOBBY_OFFICE_DB and LOBBY_SHOT_DIR
(screenshots of the ticket and notices pages, desk and phone width) from
run_with_server.sh.
"""
import datetime
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import console_driver as cd  # noqa: E402
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

MANAGER_PASSWORD = "e2e-manager-secret"
WORKER_PASSWORD = "e2e-worker-secret"
# The kiosk script looks for these (repairs_console.script).
NOTICE_TITLE = "3栋水箱清洗<script>alert(1)</script>"
NOTICE_BODY = ("明天 **9:00-12:00** 清洗3栋水箱，<b>x</b>请提前储水。\n\n"
               "<script>alert(2)</script>\n\n"
               "咨询电话 0755-86001234")


def no_alert(d):
    try:
        d.switch_to.alert
    except NoAlertPresentException:
        return
    raise AssertionError("a script in the notice ran: an alert is open")


def elements(d, css):
    return d.execute_script("return document.querySelectorAll(arguments[0]).length", css)


def move_ticket(d, url, ticket):
    d.get(url + "/console/repairs")
    cd.wait(d, lambda d: ticket in d.find_element(By.ID, "queue-rows").text, "the kiosk's ticket in the queue")
    cd.click_through(d, d.find_element(By.CSS_SELECTOR, "#queue-rows a[href='/console/repairs/%s']" % ticket))
    cd.wait(d, lambda d: d.find_element(By.ID, "ticket-status").text == "待受理", "the ticket, waiting")
    Select(d.find_element(By.ID, "assign-worker")).select_by_value("fixer")
    cd.click_through(d, d.find_element(By.ID, "assign"))
    cd.wait(d, lambda d: d.find_element(By.ID, "worker").text == "刘建国", "the worker assigned")

    def move(step, label, note):
        d.find_element(By.ID, "note").send_keys(note)
        cd.click_through(d, d.find_element(By.ID, "move-" + step))
        cd.wait(d, lambda d: d.find_element(By.ID, "ticket-status").text == label, "status " + label)

    move("accepted", "已受理", "物业已收到，安排师傅")
    move("scheduled", "已预约", "刘师傅明天上午到场")
    move("in_progress", "维修中", "师傅已上门，需更换软管")
    # The charge agreed with the resident, recorded before the work is handed over.
    d.find_element(By.ID, "charge-yuan").send_keys("35")
    d.find_element(By.ID, "charge-note").send_keys("更换下水软管，含材料")
    cd.click_through(d, d.find_element(By.ID, "record-charge"))
    cd.wait(d, lambda d: d.find_element(By.ID, "charge").text == "¥35.00", "the charge recorded")
    move("awaiting_acceptance", "待验收", "已更换下水软管，请验收")
    cd.wait(d, lambda d: "等待住户在终端验收" in cd.text(d), "the page waiting for the resident's 验收")


def publish_notice(d, url):
    d.get(url + "/console/notices")
    Select(d.find_element(By.ID, "kind")).select_by_value("outage")
    d.find_element(By.ID, "urgent").click()
    # Valid for a week, China time (a date field: set as the browser would).
    until = (datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))) + datetime.timedelta(days=7))
    d.execute_script("arguments[0].value = arguments[1]", d.find_element(By.ID, "expires"), until.strftime("%Y-%m-%d"))
    d.find_element(By.ID, "title_zh").send_keys(NOTICE_TITLE)
    d.find_element(By.ID, "body_zh").send_keys(NOTICE_BODY)
    cd.click_through(d, d.find_element(By.ID, "preview-button"))
    # The preview renders the Markdown (bold) but neither the HTML nor the script; the title is text.
    preview = cd.wait(d, lambda d: d.find_element(By.ID, "preview"), "the preview")
    assert "请提前储水" in preview.text, preview.text
    assert NOTICE_TITLE in preview.text, preview.text
    assert elements(d, "#preview strong") == 1, "the Markdown bold is not rendered"
    assert elements(d, "#preview b, #preview script") == 0, d.find_element(By.ID, "preview").get_attribute("innerHTML")
    no_alert(d)
    shots = os.environ.get("LOBBY_SHOT_DIR")
    if shots:
        cd.screenshot(d, os.path.join(shots, "console_e2e_notice_preview"))
    assert d.find_element(By.ID, "urgent").is_selected() and d.find_element(By.ID, "title_zh").get_attribute("value") == NOTICE_TITLE
    cd.click_through(d, d.find_element(By.ID, "publish"))
    cd.wait(d, lambda d: NOTICE_TITLE in cd.text(d), "the notice listed as published")
    assert elements(d, "main script, table script, table b") == 0, "the title became markup in the list"
    no_alert(d)


def main(ticket):
    url = os.environ["LOBBY_SERVER_URL"]
    made = subprocess.run([os.environ["LOBBY_SERVER_BIN"], "--db", os.environ["LOBBY_OFFICE_DB"],
                           "--create-manager", "e2eboss", "--manager-name", "李经理"],
                          input=MANAGER_PASSWORD + "\n", capture_output=True, text=True, timeout=60 * cd.SCALE)
    assert made.returncode == 0, made.stderr
    started = time.monotonic()
    shots = os.environ.get("LOBBY_SHOT_DIR")
    d = cd.browser()
    try:
        cd.login(d, url, "e2eboss", MANAGER_PASSWORD)
        cd.wait(d, lambda d: "/console/repairs" in d.current_url, "the queue after sign-in")
        cd.add_account(d, url, "fixer", "刘建国", "maintenance", WORKER_PASSWORD)
        move_ticket(d, url, ticket)
        if shots:
            cd.screenshot(d, os.path.join(shots, "console_e2e_ticket"))
        publish_notice(d, url)
        if shots:
            cd.screenshot(d, os.path.join(shots, "console_e2e_notices"))
    finally:
        d.quit()
    print("staff_at_console: %.1f s in the browser" % (time.monotonic() - started))


if __name__ == "__main__":
    main(sys.argv[1])
