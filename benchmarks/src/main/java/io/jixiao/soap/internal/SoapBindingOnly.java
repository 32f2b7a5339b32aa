package io.jixiao.soap.internal;

import io.jixiao.soap.internal.generated.CheckPaymentRequest;
import io.jixiao.soap.internal.generated.CheckPaymentResult;
import io.jixiao.soap.internal.generated.CloseBypassRequest;
import io.jixiao.soap.internal.generated.CloseBypassResult;
import io.jixiao.soap.internal.generated.GetGuardStatusRequest;
import io.jixiao.soap.internal.generated.GetGuardStatusResult;
import io.jixiao.soap.internal.generated.GetHoldRequest;
import io.jixiao.soap.internal.generated.GetHoldResult;
import io.jixiao.soap.internal.generated.OpenBypassRequest;
import io.jixiao.soap.internal.generated.OpenBypassResult;
import io.jixiao.soap.internal.generated.Outcome;
import io.jixiao.soap.internal.generated.PaymentGuardPortType;
import io.jixiao.soap.internal.generated.PlaceHoldRequest;
import io.jixiao.soap.internal.generated.PlaceHoldResult;
import io.jixiao.soap.internal.generated.ReleaseHoldRequest;
import io.jixiao.soap.internal.generated.ReleaseHoldResult;
import javax.jws.WebService;

/**
 * A step of the SOAP load tool's ladder between the bare echo and the payment check: the production contract (the
 * WSDL, JAXB binding, schema validation, UsernameToken, as {@link SoapPublisher} publishes it) answering a fixed PASS
 * without the guard — what the typed SOAP stack costs before any decision is made. Only CheckPayment answers.
 */
@WebService(endpointInterface = "io.jixiao.soap.internal.generated.PaymentGuardPortType",
        targetNamespace = SoapEcho.NS, serviceName = "PaymentGuardService", portName = "PaymentGuardPort",
        wsdlLocation = PaymentGuardEndpoint.WSDL)
public final class SoapBindingOnly implements PaymentGuardPortType {

    @Override
    public CheckPaymentResult checkPayment(CheckPaymentRequest request) {
        CheckPaymentResult result = new CheckPaymentResult();
        result.setDECISION(request.getPAYAPPNO() == null ? Outcome.HOLD : Outcome.PASS);
        result.setREASONCODE("NO_ACTIVE_HOLD");
        return result;
    }

    @Override
    public CloseBypassResult closeBypass(CloseBypassRequest request) {
        throw new UnsupportedOperationException("CheckPayment only");
    }

    @Override
    public ReleaseHoldResult releaseHold(ReleaseHoldRequest request) {
        throw new UnsupportedOperationException("CheckPayment only");
    }

    @Override
    public GetHoldResult getHold(GetHoldRequest request) {
        throw new UnsupportedOperationException("CheckPayment only");
    }

    @Override
    public PlaceHoldResult placeHold(PlaceHoldRequest request) {
        throw new UnsupportedOperationException("CheckPayment only");
    }

    @Override
    public OpenBypassResult openBypass(OpenBypassRequest request) {
        throw new UnsupportedOperationException("CheckPayment only");
    }

    @Override
    public GetGuardStatusResult getGuardStatus(GetGuardStatusRequest request) {
        throw new UnsupportedOperationException("CheckPayment only");
    }
}
