#!/usr/bin/python3
"""The staff console in a real browser: Debian's headless Chromium driven by
chromedriver (python3-selenium) against a real office-server with the demo
estate. Signs in, refuses a form without its CSRF token, locks an account
after wrong passwords, keeps maintenance out of notices and visitors, moves a
ticket the kiosk filed through the workflow by clicking, publishes a notice
the kiosks' feed then carries, records a move-out confirmation, sees the
queue refresh itself, reads the audit log, and takes screenshots of every
page at desk and phone width.

    browser_test.py OFFICE_SERVER_BINARY SCREENSHOT_DIR
    LOBBY_TEST_PG_HOST=DIR browser_test.py ...   the same against PostgreSQL (by hand)

Waits are bounded by conditions, scaled by LOBBY_TEST_TIME_SCALE.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import console_driver
from console_driver import DESK, SCALE, browser

SERVER = sys.argv[1] if len(sys.argv) > 1 else "build/sync/server/office-server"
SHOTS = sys.argv[2] if len(sys.argv) > 2 else "build/console-shots"
MANAGER_PASSWORD = "manager-secret-1"
DESK_PASSWORD = "front-desk-secret"
WORKER_PASSWORD = "maintenance-secret"


class Office:
    """A real office-server on a free loopback port, with the first manager made by its flag."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="console-browser-")
        db = os.path.join(self.dir, "office.db")
        # By hand on PostgreSQL: LOBBY_TEST_PG_HOST names a private server's
        # socket folder (scripts/test-postgres start DIR); a database of its own there.
        self.pg_host = os.environ.get("LOBBY_TEST_PG_HOST")
        self.pg_name = None
        if self.pg_host:
            self.pg_name = "console_browser_" + uuid.uuid4().hex[:12]
            self.psql("CREATE DATABASE " + self.pg_name)
            db = "postgresql://lobby@/%s?host=%s" % (self.pg_name, self.pg_host)
        db_args = ["--db", db, "--data-key-file", os.path.join(self.dir, "office.db.key")]
        made = subprocess.run([SERVER, *db_args, "--create-manager", "boss", "--manager-name", "李经理"],
                              input=MANAGER_PASSWORD + "\n", capture_output=True, text=True, timeout=60 * SCALE)
        assert made.returncode == 0, made.stderr
        self.log = open(os.path.join(self.dir, "server.log"), "w")
        self.proc = subprocess.Popen([SERVER, *db_args, "--demo", "--listen", "127.0.0.1:0"],
                                     stdout=subprocess.PIPE, stderr=self.log, text=True)
        deadline = time.monotonic() + 30 * SCALE
        self.port = None
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            if line.startswith("listening on "):
                self.port = int(line.rsplit(":", 1)[1])
                break
        assert self.port, "office-server did not start"
        self.url = "http://127.0.0.1:%d" % self.port

    def api(self, method, path, token, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("Authorization", "Bearer " + token)
        req.add_header("Content-Type", "application/json")
        if method == "POST":
            req.add_header("Idempotency-Key", str(uuid.uuid4()))
        try:
            with urllib.request.urlopen(req, timeout=20 * SCALE) as r:
                return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"null")

    def file_ticket(self, description):
        status, ticket = self.api("POST", "/v1/repairs", "demo-lobby-1-token",
                                  {"unit_id": "3-2-1502", "category": "plumbing", "description": description,
                                   "location": "own_unit"})
        assert status == 201, ticket
        return ticket["id"]

    def feed(self, collection):
        status, page = self.api("GET", "/v1/changes?since=0&limit=1000&collections=" + collection, "demo-lobby-1-token")
        assert status == 200
        return page["changes"]

    def psql(self, sql):
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "postgresql://lobby@/postgres?host=" + self.pg_host,
                        "-c", sql], check=True, timeout=60 * SCALE)

    def close(self):
        self.proc.terminate()
        self.proc.wait(timeout=20 * SCALE)
        self.log.close()
        if self.pg_name:
            self.psql("DROP DATABASE " + self.pg_name)
        shutil.rmtree(self.dir, ignore_errors=True)


class ConsoleInBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = Office()
        os.makedirs(SHOTS, exist_ok=True)
        cls.drivers = []
        cls.idle = []  # browsers of finished tests, cleared for the next one

    @classmethod
    def tearDownClass(cls):
        for d in cls.drivers:
            d.quit()
        cls.office.close()

    def setUp(self):
        self.mine = []

    def tearDown(self):
        self.idle.extend(self.mine)

    def open_browser(self, size=DESK):
        """A browser with no cookies, on a blank page: a finished test's
        (Chromium starts once or twice in the run, not once a test), or a new one."""
        if self.idle:
            d = self.idle.pop()
            d.get("about:blank")
            d.execute_cdp_cmd("Network.clearBrowserCookies", {})
            d.set_window_size(*size)
        else:
            d = browser(size)
            self.drivers.append(d)
        self.mine.append(d)
        return d

    def wait(self, driver, condition, what, seconds=15):
        return console_driver.wait(driver, condition, what, seconds)

    def click_through(self, driver, element):
        console_driver.click_through(driver, element)

    def go(self, driver, path):
        driver.get(self.office.url + path)

    def login(self, driver, user, password):
        console_driver.login(driver, self.office.url, user, password)

    def text(self, driver):
        return console_driver.text(driver)

    def shot(self, driver, name):
        console_driver.screenshot(driver, os.path.join(SHOTS, name))

    # The tests run in name order: accounts first, then the others use them.
    def test_1_manager_adds_accounts(self):
        d = self.open_browser()
        self.shot_login = True
        self.go(d, "/console/login")
        self.shot(d, "login")
        self.login(d, "boss", MANAGER_PASSWORD)
        self.wait(d, lambda d: "/console/repairs" in d.current_url, "the queue after sign-in")
        self.assertIn("李经理", self.text(d))
        for user, name, role, password in (("desk", "王前台", "front_desk", DESK_PASSWORD),
                                           ("worker", "张师傅", "maintenance", WORKER_PASSWORD)):
            console_driver.add_account(d, self.office.url, user, name, role, password)
        self.shot(d, "staff")
        self.go(d, "/console/kiosks")
        self.assertIn("lobby-1", self.text(d))
        self.shot(d, "kiosks")

    def test_1b_kiosk_enrolment_rotation_and_settings(self):
        d = self.open_browser()
        self.login(d, "boss", MANAGER_PASSWORD)
        self.wait(d, lambda d: "/console/repairs" in d.current_url, "sign-in")
        self.go(d, "/console/kiosks")
        for kiosk_id, answer, shot in (("Lobby 7", lambda d: "终端编号只能用小写字母" in self.text(d), "kiosks-enrol-error"),
                                       ("lobby-7", lambda d: len(d.find_elements(By.ID, "code")) == 1, "enrolment-code")):
            d.find_element(By.ID, "new-kiosk-id").clear()
            d.find_element(By.ID, "new-kiosk-id").send_keys(kiosk_id)
            self.click_through(d, d.find_element(By.ID, "make-code"))
            self.wait(d, answer, "the answer to kiosk id " + kiosk_id)
            self.shot(d, shot)
        code = d.find_element(By.ID, "code").text.replace(" ", "")
        self.assertRegex(code, r"^[0-9]{8}$")
        self.go(d, "/console/kiosks")
        self.assertNotIn(code, self.text(d).replace(" ", ""))  # shown once only
        self.assertIn("待使用", d.find_element(By.ID, "codes").text)
        self.click_through(d, d.find_element(By.ID, "rotate-lobby-2"))
        self.wait(d, lambda d: "旧令牌在那之后还能用一小时" in self.text(d), "the rotation asked for")
        self.assertIn("等待终端领取新令牌", d.find_element(By.ID, "token-lobby-2").text)
        self.shot(d, "kiosks")
        self.click_through(d, d.find_element(By.ID, "settings-lobby-1"))
        self.wait(d, lambda d: len(d.find_elements(By.ID, "settings-form")) == 1, "the settings form")
        d.find_element(By.ID, "idle_timeout_s").send_keys("5")
        self.click_through(d, d.find_element(By.ID, "save-settings"))
        self.wait(d, lambda d: "无操作超时须是20到600之间的整数" in self.text(d), "the refused idle timeout")
        self.shot(d, "kiosk-settings-error")
        d.find_element(By.ID, "idle_timeout_s").clear()
        d.find_element(By.ID, "idle_timeout_s").send_keys("90")
        Select(d.find_element(By.ID, "language")).select_by_value("en")
        Select(d.find_element(By.ID, "home_1")).select_by_value("repairs")
        Select(d.find_element(By.ID, "home_2")).select_by_value("notices")
        self.click_through(d, d.find_element(By.ID, "save-settings"))
        self.wait(d, lambda d: "设置已保存" in self.text(d), "the settings saved")
        self.shot(d, "kiosk-settings")
        settings = [c["data"] for c in self.office.feed("kiosk_settings") if not c["deleted"]]
        self.assertEqual(settings, [{"idle_timeout_s": 90, "language": "en", "home_services": ["repairs", "notices"]}])

    def test_2_form_without_csrf_token_is_refused(self):
        d = self.open_browser()
        self.login(d, "desk", DESK_PASSWORD)
        self.wait(d, lambda d: "/console/repairs" in d.current_url, "sign-in")
        ticket = self.office.file_ticket("CSRF 测试工单")
        self.go(d, "/console/repairs/" + ticket)
        # What a forged form from another site would lack: the session's token.
        d.execute_script("document.querySelector('#move-form input[name=csrf]').remove()")
        d.find_element(By.ID, "note").send_keys("伪造")
        self.click_through(d, d.find_element(By.ID, "move-accepted"))
        self.wait(d, lambda d: "表单已过期" in self.text(d), "the CSRF refusal")
        status, t = self.office.api("GET", "/v1/repairs/" + ticket, "demo-staff-token")
        self.assertEqual(t["status"], "submitted")

    def test_3_wrong_passwords_lock_the_account(self):
        d = self.open_browser()
        for i in range(5):
            self.login(d, "worker", "wrong-password-%d" % i)
            self.wait(d, lambda d: "用户名或密码不正确" in self.text(d), "wrong password %d" % i)
        self.login(d, "worker", WORKER_PASSWORD)
        self.wait(d, lambda d: "尝试次数过多" in self.text(d), "the lockout")
        self.assertIn("/console/login", d.current_url)

    def test_4_maintenance_cannot_publish_notices_or_see_visitors(self):
        d = self.open_browser()
        # worker is locked by test 3: the manager's colleague signs in as a fresh maintenance account.
        m = self.open_browser()
        self.login(m, "boss", MANAGER_PASSWORD)
        console_driver.add_account(m, self.office.url, "fixer", "赵师傅", "maintenance", WORKER_PASSWORD)
        self.login(d, "fixer", WORKER_PASSWORD)
        self.wait(d, lambda d: "/console/repairs" in d.current_url, "sign-in")
        nav = d.find_element(By.CSS_SELECTOR, "nav.nav").text
        self.assertNotIn("公告", nav)
        self.assertNotIn("访客", nav)
        for path in ("/console/notices", "/console/visitors", "/console/audit"):
            self.go(d, path)
            self.assertIn("没有此项权限", self.text(d))

    def test_5_ticket_moves_through_the_workflow_by_clicks(self):
        d = self.open_browser()
        self.login(d, "desk", DESK_PASSWORD)
        self.wait(d, lambda d: "/console/repairs" in d.current_url, "sign-in")
        ticket = self.office.file_ticket("<script>alert('x')</script>厨房水管漏水")
        self.go(d, "/console/repairs")
        # The queue refreshes itself: a ticket filed now shows without reloading.
        fresh = self.office.file_ticket("刚刚提交的报修")
        self.wait(d, lambda d: fresh in d.find_element(By.ID, "queue-rows").text, "the live refresh", 40)
        self.assertIn("<script>alert('x')</script>", self.text(d))  # shown as text, not run
        self.shot(d, "repairs")
        self.go(d, "/console/repairs/" + ticket)
        self.shot(d, "ticket")
        for step, label in (("accepted", "已受理"), ("scheduled", "已预约"), ("in_progress", "维修中"),
                            ("awaiting_acceptance", "待验收")):
            d.find_element(By.ID, "note").send_keys("步骤：" + label)
            self.click_through(d, d.find_element(By.ID, "move-" + step))
            self.wait(d, lambda d: d.find_element(By.ID, "ticket-status").text == label, "status " + label)
        status, t = self.office.api("GET", "/v1/repairs/" + ticket, "demo-staff-token")
        self.assertEqual(t["status"], "awaiting_acceptance")
        tickets = [c for c in self.office.feed("tickets") if c["key"] == ticket]
        self.assertEqual(tickets[-1]["data"]["status"], "awaiting_acceptance")  # what the kiosk's tracking shows
        self.assertIn("等待住户在终端验收", self.text(d))
        self.shot(d, "ticket-completed")

    def test_6_notice_published_reaches_the_feed(self):
        d = self.open_browser()
        self.login(d, "desk", DESK_PASSWORD)
        self.wait(d, lambda d: "/console/repairs" in d.current_url, "sign-in")
        self.go(d, "/console/notices")
        Select(d.find_element(By.ID, "kind")).select_by_value("outage")
        d.find_element(By.ID, "urgent").click()
        d.find_element(By.ID, "title_zh").send_keys("6栋明日停电<img src=x onerror=alert(1)>")
        d.find_element(By.ID, "body_zh").send_keys("**明天 9:00-12:00** 6栋停电检修。\n\n- 请提前充电\n- 电梯停运")
        self.click_through(d, d.find_element(By.ID, "preview-button"))
        self.wait(d, lambda d: len(d.find_elements(By.ID, "preview")) == 1, "the preview")
        self.assertEqual(d.find_element(By.CSS_SELECTOR, "#preview strong").text, "明天 9:00-12:00")
        self.shot(d, "notice-preview")
        self.click_through(d, d.find_element(By.ID, "publish"))
        self.wait(d, lambda d: "公告已发布" in self.text(d), "published")
        self.assertIn("6栋明日停电<img src=x onerror=alert(1)>", self.text(d))
        self.shot(d, "notices")
        notices = [c for c in self.office.feed("notices")
                   if not c["deleted"] and c["data"]["title"]["zh-CN"].startswith("6栋明日停电")]
        self.assertEqual(len(notices), 1)
        self.assertTrue(notices[0]["data"]["urgent"])

    def test_7_move_out_release_confirmed(self):
        tomorrow = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 8 * 3600 + 86400))
        status, move_out = self.office.api("POST", "/v1/move-outs", "demo-lobby-1-token",
                                           {"unit_id": "5-3-2202", "requester_name": "王强",
                                            "requester_phone": "18600001357", "relation": "tenant",
                                            "items": "沙发一张、纸箱五个", "planned_date": tomorrow})
        self.assertEqual(status, 201, move_out)
        d = self.open_browser()
        self.login(d, "desk", DESK_PASSWORD)
        self.wait(d, lambda d: "/console/repairs" in d.current_url, "sign-in")
        self.go(d, "/console/visitors")
        self.assertNotIn("王强", self.text(d))
        self.shot(d, "visitors")
        Select(d.find_element(By.ID, "way-" + move_out["id"])).select_by_value("phone")
        d.find_element(By.ID, "note-" + move_out["id"]).send_keys("业主王先生同意")
        self.click_through(d, d.find_element(By.ID, "approve-" + move_out["id"]))
        self.wait(d, lambda d: "已记录业主确认结果" in self.text(d), "the decision")
        status, m = self.office.api("GET", "/v1/move-outs/" + move_out["id"], "demo-staff-token")
        self.assertEqual(m["status"], "approved")
        self.assertEqual(m["decision_note"], "电话确认：业主王先生同意（王前台）")

    @staticmethod
    def answers_for(questions, pick):
        """One answer a question, from pick(question), leaving out a follow-up
        whose condition (ask_if) the answers before it do not meet."""
        answers, chosen = [], {}
        for question in questions:
            condition = question.get("ask_if")
            if condition and not set(chosen.get(condition["question_id"], [])) & set(condition["choice_ids"]):
                continue
            answer = pick(question)
            chosen[question["id"]] = answer["choice_ids"]
            answers.append(answer)
        return answers

    def answer_survey(self):
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        survey = [c["data"] for c in self.office.feed("surveys")
                  if not c["deleted"] and c["data"]["opens_at"] <= now < c["data"]["closes_at"]][0]
        q = survey["questions"]
        for i in range(5):
            def pick(question, i=i):
                if question["kind"] == "text":
                    return {"question_id": question["id"], "choice_ids": [], "text": "<b>希望</b>增加快递柜 %d" % i}
                return {"question_id": question["id"],
                        "choice_ids": [question["choices"][i % len(question["choices"])]["id"]]}
            status, body = self.office.api("POST", "/v1/survey-responses", "demo-lobby-1-token",
                                           {"survey_id": survey["id"], "anonymous": True,
                                            "answers": self.answers_for(q, pick)})
            self.assertEqual(status, 201, body)
        status, lookup = self.office.api("POST", "/v1/fees/lookup", "demo-lobby-1-token",
                                         {"unit_id": "3-2-1502", "phone_last4": "5678"})
        answers = self.answers_for(q, lambda question: {
            "question_id": question["id"],
            "choice_ids": [] if question["kind"] == "text" else [question["choices"][0]["id"]]})
        status, body = self.office.api("POST", "/v1/survey-responses", "demo-lobby-1-token",
                                       {"survey_id": survey["id"], "unit_id": "3-2-1502", "anonymous": False,
                                        "verification_token": lookup["verification_token"], "answers": answers})
        self.assertEqual(status, 201, body)
        return survey

    def test_8_surveys_fees_and_audit(self):
        survey = self.answer_survey()
        d = self.open_browser()
        self.login(d, "boss", MANAGER_PASSWORD)
        self.wait(d, lambda d: "/console/repairs" in d.current_url, "sign-in")
        self.go(d, "/console/surveys")
        self.shot(d, "surveys")
        self.click_through(d, d.find_element(By.CSS_SELECTOR, "a[href='/console/surveys/%s']" % survey["id"]))
        self.wait(d, lambda d: len(d.find_elements(By.ID, "survey-title")) == 1, "survey results")
        self.assertEqual(d.find_element(By.ID, "household").text, "1")
        widths = [int(r.get_attribute("width")) for r in d.find_elements(By.CSS_SELECTOR, "svg.bar rect")]
        self.assertTrue(any(w > 0 for w in widths))
        self.assertIn("<b>希望</b>增加快递柜 4", self.text(d))  # a resident's text, shown as typed
        self.shot(d, "survey")
        for _ in range(3):
            self.office.api("POST", "/v1/fees/lookup", "demo-lobby-1-token", {"unit_id": "1-1-801", "phone_last4": "0000"})
        self.go(d, "/console/fees?unit=3-2-1502")
        self.assertIn("物业管理费", self.text(d))
        self.shot(d, "fees")
        self.click_through(d, d.find_element(By.ID, "lift-1-1-801"))
        self.wait(d, lambda d: "已解除锁定" in self.text(d), "lock lifted")
        self.go(d, "/console/audit")
        audit = self.text(d)
        for entry in ("repair.status", "notice.publish", "moveout.approved", "login.failed", "login.locked",
                      "csrf.refused", "forbidden", "fees.lift_lockout", "staff.create"):
            self.assertIn(entry, audit)
        self.shot(d, "audit")
        self.click_through(d, d.find_element(By.CSS_SELECTOR, "a.lang"))
        self.wait(d, lambda d: "Audit log" in self.text(d), "English")
        self.shot(d, "audit-en")

    def test_9_sign_out(self):
        d = self.open_browser()
        self.login(d, "desk", DESK_PASSWORD)
        self.wait(d, lambda d: "/console/repairs" in d.current_url, "sign-in")
        self.click_through(d, d.find_element(By.ID, "logout"))
        self.wait(d, lambda d: "/console/login" in d.current_url, "the sign-in page")
        self.go(d, "/console/repairs")
        self.assertIn("/console/login", d.current_url)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
