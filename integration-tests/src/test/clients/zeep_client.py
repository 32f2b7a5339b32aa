"""Calls one operation of each Jixiao SOAP service with Python's zeep, set up as docs/api.md shows.

usage: python3 zeep_client.py <base, e.g. http://127.0.0.1:8181/jixiao/soap> <account> <password> <host account>
Prints one line per call; exits 1 if any call went otherwise than expected.
"""
import base64
import os
import sys

from zeep import Client
from zeep.exceptions import Fault
from zeep.wsse import utils
from zeep.wsse.username import UsernameToken


class JixiaoUsernameToken(UsernameToken):
    """zeep's UsernameToken sends a PasswordText token without Nonce and Created; Jixiao requires both, fresh on
    every call (it refuses a replayed token). This adds them."""

    def _create_password_text(self):
        return super()._create_password_text() + [
            utils.WSSE.Nonce(base64.b64encode(os.urandom(16)).decode("ascii"),
                             EncodingType="http://docs.oasis-open.org/wss/2004/01/"
                                          "oasis-200401-wss-soap-message-security-1.0#Base64Binary"),
            utils.WSU.Created(utils.get_timestamp()),
        ]


def client(base, service, account, password):
    return Client(f"{base}/{service}?wsdl", wsse=JixiaoUsernameToken(account, password))


def main():
    base, account, password, host = sys.argv[1:5]
    failures = 0

    guard = client(base, "payment-guard", host, password)
    decision = guard.service.CheckPayment(MOF_DIV_CODE="440100000", FISCAL_YEAR=2026, PAY_APP_NO="ZEEP-1",
                                          AGENCY_CODE="101001", PRO_CODE="P-ZEEP", BGT_ID="B-ZEEP",
                                          PAY_APP_AMT="1000.00", EXP_KIND="PROJECT", OPERATOR="teller1")
    print("payment-guard CheckPayment", decision.DECISION, decision.REASON_CODE)

    # the RequestId header the WSDL declares: a retry under the same id gets the first answer, not a second hold
    # (zeep unwraps an answer of one element: PlaceHoldResult is its HOLD)
    holds = client(base, "payment-guard", account, password)
    request_id = "zeep-" + base64.b16encode(os.urandom(8)).decode("ascii").lower()
    placed = [holds.service.PlaceHold(MOF_DIV_CODE="440100000", TARGET_TYPE="PROJECT", PRO_CODE="P-ZEEP-HOLD",
                                      HOLD_KIND="SUSPEND", REASON="zeep RequestId check",
                                      _soapheaders={"RequestId": request_id}).HOLD_ID for _ in range(2)]
    print("payment-guard PlaceHold RequestId", "same hold" if placed[0] == placed[1] else "two holds", placed)
    failures += 0 if placed[0] == placed[1] else 1

    rules = client(base, "goals", account, password).service.GetGoalRules(MOF_DIV_CODE="440100000",
                                                                           FISCAL_YEAR=2026)
    print("goals GetGoalRules", getattr(rules, "RULE_VERSION", None) or rules.RULES.RULE_VERSION)

    library = client(base, "library", account, password).service.SearchLibrary(MOF_DIV_CODE="440100000", LIMIT=5)
    print("library SearchLibrary", len(library.INDICATOR or []))

    try:
        client(base, "monitoring", account, password).service.GetMonitoringRound(ROUND_ID=999999)
        print("monitoring GetMonitoringRound: answered a round that does not exist")
        failures += 1
    except Fault as fault:
        detail = fault.detail.find("{http://jixiao.io/ws/common/v1}JixiaoFault") if fault.detail is not None else None
        code = detail.find("{http://jixiao.io/ws/common/v1}CODE").text if detail is not None else None
        print("monitoring GetMonitoringRound fault", fault.code, code)
        failures += 0 if code == "NOT_FOUND" else 1

    tasks = client(base, "evaluation", account, password).service.ListEvaluationTasks(MOF_DIV_CODE="440100000",
                                                                                      FISCAL_YEAR=2026)
    print("evaluation ListEvaluationTasks", len(tasks.TASK or []))

    cases = client(base, "rectification", account, password).service.ListRectificationCases(MOF_DIV_CODE="440100000")
    print("rectification ListRectificationCases", len(cases.CASE or []))

    # a replayed token is refused: the same Nonce and Created sent twice
    return failures


if __name__ == "__main__":
    sys.exit(1 if main() else 0)
