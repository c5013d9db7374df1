#!/usr/bin/python3
"""Staff act on a ticket a real kiosk filed, in headless Chromium, for the
end-to-end UI script repairs_console.script (run by run_with_server.sh): the
first manager is made with the server's --create-manager flag and adds a
maintenance worker on the staff page; then the ticket is found in the queue,
the worker assigned, and the ticket moved to 已受理 and on to 已预约.

    staff_moves_ticket.py TICKET_ID

Reads LOBBY_SERVER_URL, LOBBY_SERVER_BIN, LOBBY_OFFICE_DB and LOBBY_SHOT_DIR
(screenshots of the ticket page, desk and phone width) from run_with_server.sh.
"""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import console_driver as cd  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

MANAGER_PASSWORD = "e2e-manager-secret"
WORKER_PASSWORD = "e2e-worker-secret"


def main(ticket):
    url = os.environ["LOBBY_SERVER_URL"]
    made = subprocess.run([os.environ["LOBBY_SERVER_BIN"], "--db", os.environ["LOBBY_OFFICE_DB"],
                           "--create-manager", "e2eboss", "--manager-name", "李经理"],
                          input=MANAGER_PASSWORD + "\n", capture_output=True, text=True, timeout=60 * cd.SCALE)
    assert made.returncode == 0, made.stderr
    started = time.monotonic()
    d = cd.browser()
    try:
        cd.login(d, url, "e2eboss", MANAGER_PASSWORD)
        cd.wait(d, lambda d: "/console/repairs" in d.current_url, "the queue after sign-in")
        cd.add_account(d, url, "fixer", "刘建国", "maintenance", WORKER_PASSWORD)

        d.get(url + "/console/repairs")
        cd.wait(d, lambda d: ticket in d.find_element(By.ID, "queue-rows").text, "the kiosk's ticket in the queue")
        cd.click_through(d, d.find_element(By.CSS_SELECTOR, "#queue-rows a[href='/console/repairs/%s']" % ticket))
        cd.wait(d, lambda d: d.find_element(By.ID, "ticket-status").text == "待受理", "the ticket, waiting")
        Select(d.find_element(By.ID, "assign-worker")).select_by_value("fixer")
        cd.click_through(d, d.find_element(By.ID, "assign"))
        cd.wait(d, lambda d: d.find_element(By.ID, "worker").text == "刘建国", "the worker assigned")
        for step, label, note in (("accepted", "已受理", "物业已收到，安排师傅"),
                                  ("scheduled", "已预约", "刘师傅明天上午到场")):
            d.find_element(By.ID, "note").send_keys(note)
            cd.click_through(d, d.find_element(By.ID, "move-" + step))
            cd.wait(d, lambda d, label=label: d.find_element(By.ID, "ticket-status").text == label, "status " + label)
        shots = os.environ.get("LOBBY_SHOT_DIR")
        if shots:
            cd.screenshot(d, os.path.join(shots, "console_e2e_ticket"))
    finally:
        d.quit()
    print("staff_moves_ticket: %.1f s in the browser" % (time.monotonic() - started))


if __name__ == "__main__":
    main(sys.argv[1])
