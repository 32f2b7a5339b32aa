// Calls one operation of each Jixiao SOAP service with node-soap, set up as docs/api.md shows.
// usage: node node_soap_client.js <base, e.g. http://127.0.0.1:8181/jixiao/soap> <account> <password> <host account>
// Prints one line per call; exits 1 if any call went otherwise than expected.
const soap = require('soap');

const [base, account, password, host] = process.argv.slice(2);

async function client(service, user) {
  const c = await soap.createClientAsync(`${base}/${service}?wsdl`);
  // PasswordText with a fresh Nonce and Created on every call: Jixiao requires both and refuses a replay
  c.setSecurity(new soap.WSSecurity(user, password, { passwordType: 'PasswordText', hasNonce: true,
    hasTimeStamp: false, hasTokenCreated: true }));
  return c;
}

async function main() {
  let failures = 0;
  const guard = await client('payment-guard', host);
  const [decision] = await guard.CheckPaymentAsync({ MOF_DIV_CODE: '440100000', FISCAL_YEAR: 2026,
    PAY_APP_NO: 'NODE-1', AGENCY_CODE: '101001', PRO_CODE: 'P-NODE', BGT_ID: 'B-NODE', PAY_APP_AMT: '1000.00',
    EXP_KIND: 'PROJECT', OPERATOR: 'teller1' });
  console.log('payment-guard CheckPayment', decision.DECISION, decision.REASON_CODE);

  // the RequestId header the WSDL declares: a retry under the same id gets the first answer, not a second hold
  const holds = await client('payment-guard', account);
  const requestId = 'node-' + require('crypto').randomBytes(8).toString('hex');
  holds.addSoapHeader(`<c:RequestId xmlns:c="http://jixiao.io/ws/common/v1">${requestId}</c:RequestId>`);
  const placed = [];
  for (let i = 0; i < 2; i++) {
    const [answer] = await holds.PlaceHoldAsync({ MOF_DIV_CODE: '440100000', TARGET_TYPE: 'PROJECT',
      PRO_CODE: 'P-NODE-HOLD', HOLD_KIND: 'SUSPEND', REASON: 'node-soap RequestId check' });
    placed.push(String(answer.HOLD.HOLD_ID));
  }
  console.log('payment-guard PlaceHold RequestId', placed[0] === placed[1] ? 'same hold' : 'two holds', placed);
  if (placed[0] !== placed[1]) failures++;

  const [rules] = await (await client('goals', account)).GetGoalRulesAsync({ MOF_DIV_CODE: '440100000',
    FISCAL_YEAR: 2026 });
  console.log('goals GetGoalRules', rules.RULES.RULE_VERSION);

  const [library] = await (await client('library', account)).SearchLibraryAsync({ MOF_DIV_CODE: '440100000',
    LIMIT: 5 });
  console.log('library SearchLibrary', library.TOTAL);

  try {
    await (await client('monitoring', account)).GetMonitoringRoundAsync({ ROUND_ID: 999999 });
    console.log('monitoring GetMonitoringRound: answered a round that does not exist');
    failures++;
  } catch (e) {
    const fault = e.root && e.root.Envelope && e.root.Envelope.Body && e.root.Envelope.Body.Fault;
    const code = fault && fault.detail && fault.detail.JixiaoFault && fault.detail.JixiaoFault.CODE;
    console.log('monitoring GetMonitoringRound fault', fault && fault.faultcode, code);
    if (code !== 'NOT_FOUND') failures++;
  }

  const [tasks] = await (await client('evaluation', account)).ListEvaluationTasksAsync({ MOF_DIV_CODE: '440100000',
    FISCAL_YEAR: 2026 });
  console.log('evaluation ListEvaluationTasks', (tasks && tasks.TASK ? [].concat(tasks.TASK).length : 0));

  const [cases] = await (await client('rectification', account)).ListRectificationCasesAsync({
    MOF_DIV_CODE: '440100000' });
  console.log('rectification ListRectificationCases', (cases && cases.CASE ? [].concat(cases.CASE).length : 0));
  return failures;
}

main().then((failures) => process.exit(failures ? 1 : 0), (e) => {
  console.log('failed:', e.message, e.body || '');
  process.exit(1);
});
