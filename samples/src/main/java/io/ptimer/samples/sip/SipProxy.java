package io.ptimer.samples.sip;

import io.ptimer.samples.calls.CallQueue;
import io.ptimer.samples.calls.Upstream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The proxy's SIP logic on a JAIN-SIP stack, one UDP listening point. New INVITEs get
 * {@code 100 Trying} at once and join a call queue (retransmissions are absorbed by their server
 * transaction); a shaper relays them upstream through {@link #relay}, statefully, with this proxy's
 * Via and Record-Route. Responses go back by the Via; ACK, BYE and other requests are forwarded
 * statelessly; CANCEL answers a queued call {@code 487} or is sent on after a relayed one. A
 * Request-URI naming this proxy is retargeted to the upstream. Safe for the stack's threads and the
 * shapers' threads at once.
 */
final class SipProxy implements SipListener {
    private static final String TO_TAG = Long.toHexString(ThreadLocalRandom.current().nextLong());
    private static final int WARM_UP_INVITES = 20;

    private final SipStack stack;
    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final Endpoint self;
    private final Endpoint upstream;
    private final String target;
    private final ProxyCounts counts;
    private final RelayLog relayLog;
    private final Upstream relays = Upstream.named("carrier");
    /** Open INVITE transactions by Call-ID and branch, for CANCEL. */
    private final ConcurrentMap<String, SuspendedInvite> open = new ConcurrentHashMap<>();
    private final AtomicLong branches = new AtomicLong();

    private SipProxy(SipStack stack, SipProvider provider, SipFactory factory, Endpoint self, Endpoint upstream,
            ProxyCounts counts, RelayLog relayLog) throws Exception {
        this.stack = stack;
        this.provider = provider;
        this.messages = factory.createMessageFactory();
        this.headers = factory.createHeaderFactory();
        this.addresses = factory.createAddressFactory();
        this.self = self;
        this.upstream = upstream;
        this.target = "sip:" + upstream;
        this.counts = counts;
        this.relayLog = relayLog;
    }

    /** Starts a stack listening on {@code self} (an IP address) and returns the proxy on it. */
    static SipProxy start(Endpoint self, Endpoint upstream, ProxyCounts counts, RelayLog relayLog) throws Exception {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "ptimer-shaping-proxy");
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "100000");
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "100000");
        SipStack stack = factory.createSipStack(p);
        ListeningPoint point = stack.createListeningPoint(self.host(), self.port(), ListeningPoint.UDP);
        SipProvider provider = stack.createSipProvider(point);
        SipProxy proxy = new SipProxy(stack, provider, factory, self, upstream, counts, relayLog);
        provider.addSipListener(proxy);
        stack.start();
        proxy.warmUp();
        return proxy;
    }

    /**
     * Sends a few INVITEs through the stack to a local socket that drops them, ending their
     * transactions at once: a proxy's first relays would otherwise run the stack's send path cold.
     * Measured in cluster mode: a proxy's first INVITE reached the carrier 20 to 54 ms into its
     * step, where the ones after it took 15 ms at most.
     */
    private void warmUp() throws Exception {
        try (DatagramSocket sink = new DatagramSocket(0, InetAddress.getByName(self.host()))) {
            for (int i = 0; i < WARM_UP_INVITES; i++) {
                SipURI to = addresses.createSipURI("warm-up", self.host());
                to.setPort(sink.getLocalPort());
                Request invite = messages.createRequest(to, Request.INVITE, provider.getNewCallId(),
                        headers.createCSeqHeader(1L, Request.INVITE),
                        headers.createFromHeader(addresses.createAddress(to), "warm-up-" + i),
                        headers.createToHeader(addresses.createAddress(to), null),
                        new ArrayList<>(List.of(headers.createViaHeader(self.host(), self.port(), ListeningPoint.UDP,
                                "z9hG4bK-warm-up-" + i))),
                        headers.createMaxForwardsHeader(70));
                invite.addHeader(headers.createContactHeader(addresses.createAddress(selfUri())));
                ClientTransaction transaction = provider.getNewClientTransaction(invite);
                transaction.sendRequest();
                transaction.terminate();
            }
        }
    }

    /** A new SIP URI of this proxy's own address. */
    private SipURI selfUri() throws ParseException {
        SipURI me = addresses.createSipURI(null, self.host());
        me.setPort(self.port());
        return me;
    }

    void stop() {
        stack.stop();
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            switch (request.getMethod()) {
                case Request.INVITE -> invite(event);
                case Request.CANCEL -> cancel(event);
                case Request.ACK -> {
                    if (event.getServerTransaction() == null) {
                        forward(request);
                    }
                }
                default -> forward(request);
            }
        } catch (Exception e) {
            warn(request.getMethod(), e);
        }
    }

    /** {@code t_suspend} + {@code mq_add}, or relayed at once if it is a re-INVITE within a dialog. */
    private void invite(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        if (event.getServerTransaction() != null) {
            counts.retransmissions.incrementAndGet();
            return;
        }
        ServerTransaction customer;
        try {
            customer = provider.getNewServerTransaction(request);
        } catch (TransactionAlreadyExistsException e) {
            counts.retransmissions.incrementAndGet();
            return;
        }
        customer.sendResponse(messages.createResponse(Response.TRYING, request));
        SuspendedInvite invite = new SuspendedInvite(this, customer, request);
        open.put(key(request), invite);
        if (((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null) {
            relay(invite, false);
            return;
        }
        counts.offered.incrementAndGet();
        String queue = ShapedQueues.forDomain(fromDomain(request));
        if (queue == null) {
            if (invite.claimFinal()) {
                counts.noShaper.incrementAndGet();
                respond(invite, Response.SERVICE_UNAVAILABLE, "No Shaper For This Customer");
            }
            return;
        }
        SuspendedCalls.suspend(invite);
        CallQueue.named(queue).add(invite.call());
    }

    /** {@code t_relay} of a suspended INVITE; returns when it was sent ({@link System#nanoTime()}). */
    long relay(SuspendedInvite invite, boolean backlog) {
        boolean newCall = ((ToHeader) invite.request().getHeader(ToHeader.NAME)).getTag() == null;
        try {
            Request out = (Request) invite.request().clone();
            if (!decrementMaxForwards(out)) {
                if (invite.claimFinal()) {
                    counts.rejectedUpstream.incrementAndGet();
                    respond(invite, Response.TOO_MANY_HOPS, "Too Many Hops");
                }
                return System.nanoTime();
            }
            retarget(out);
            if (newCall) {
                SipURI me = selfUri();
                me.setLrParam();
                out.addFirst(headers.createRecordRouteHeader(addresses.createAddress(me)));
            }
            out.addFirst(headers.createViaHeader(self.host(), self.port(), ListeningPoint.UDP,
                    "z9hG4bK-pt" + Long.toHexString(branches.incrementAndGet()) + TO_TAG));
            ClientTransaction transaction = provider.getNewClientTransaction(out);
            transaction.setApplicationData(invite);
            invite.relayedAs(transaction);
            transaction.sendRequest();
            if (!newCall) {
                return System.nanoTime();
            }
            counts.relayed.incrementAndGet();
            long at = relays.relay(invite.call(), target, backlog);
            relayLog.relayed(out, at);
            return at;
        } catch (Exception e) {
            warn("relay", e);
            if (invite.claimFinal()) {
                counts.upstreamTimeout.incrementAndGet();
                respond(invite, Response.SERVER_INTERNAL_ERROR, "Relay Failed");
            }
            return System.nanoTime();
        }
    }

    void answerQueueTimeout(SuspendedInvite invite) {
        if (invite.claimFinal()) {
            counts.queueTimeout.incrementAndGet();
            respond(invite, Response.SERVICE_UNAVAILABLE, "Queue Timeout");
        }
    }

    private void cancel(RequestEvent event) throws Exception {
        Request cancel = event.getRequest();
        ServerTransaction transaction = event.getServerTransaction();
        if (transaction == null) {
            try {
                transaction = provider.getNewServerTransaction(cancel);
            } catch (TransactionAlreadyExistsException e) {
                return;
            }
        }
        SuspendedInvite invite = open.get(key(cancel));
        if (invite == null) {
            transaction.sendResponse(messages.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, cancel));
            return;
        }
        transaction.sendResponse(messages.createResponse(Response.OK, cancel));
        if (SuspendedCalls.take(invite.call()) != null) {
            if (invite.claimFinal()) {
                counts.cancelled.incrementAndGet();
                respond(invite, Response.REQUEST_TERMINATED, "Request Terminated");
            }
        } else if (invite.upstream() != null) {
            provider.getNewClientTransaction(invite.upstream().createCancel()).sendRequest();
        }
    }

    /** Stateless forwarding of ACK, BYE and other requests, upstream or to the Request-URI. */
    private void forward(Request request) throws Exception {
        Request out = (Request) request.clone();
        if (!decrementMaxForwards(out)) {
            if (!Request.ACK.equals(request.getMethod())) {
                provider.sendResponse(messages.createResponse(Response.TOO_MANY_HOPS, request));
            }
            return;
        }
        RouteHeader route = (RouteHeader) out.getHeader(RouteHeader.NAME);
        if (route != null && route.getAddress().getURI() instanceof SipURI uri && isSelf(uri)) {
            out.removeFirst(RouteHeader.NAME);
        }
        retarget(out);
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        String branch = via == null || via.getBranch() == null ? Long.toHexString(branches.incrementAndGet())
                : Integer.toHexString(via.getBranch().hashCode());
        out.addFirst(headers.createViaHeader(self.host(), self.port(), ListeningPoint.UDP, "z9hG4bK-ps" + branch + TO_TAG));
        provider.sendRequest(out);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        ViaHeader top = (ViaHeader) response.getHeader(ViaHeader.NAME);
        if (top == null || !self.host().equals(top.getHost()) || top.getPort() != self.port()) {
            return;
        }
        try {
            Response out = (Response) response.clone();
            out.removeFirst(ViaHeader.NAME);
            if (out.getHeader(ViaHeader.NAME) == null) {
                return;
            }
            ClientTransaction transaction = event.getClientTransaction();
            if (transaction != null && transaction.getApplicationData() instanceof SuspendedInvite invite) {
                answerFromUpstream(invite, out);
            } else {
                provider.sendResponse(out);
            }
        } catch (Exception e) {
            warn("response", e);
        }
    }

    private void answerFromUpstream(SuspendedInvite invite, Response response) throws Exception {
        int status = response.getStatusCode();
        if (status == Response.TRYING) {
            return;
        }
        if (status >= 200 && invite.claimFinal()) {
            if (((ToHeader) invite.request().getHeader(ToHeader.NAME)).getTag() == null) {
                (status < 300 ? counts.completed : counts.rejectedUpstream).incrementAndGet();
            }
            open.remove(key(invite.request()));
        } else if (status >= 200) {
            provider.sendResponse(response);
            return;
        }
        try {
            invite.customer().sendResponse(response);
        } catch (Exception e) {
            provider.sendResponse(response);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (!event.isServerTransaction() && event.getClientTransaction().getApplicationData() instanceof SuspendedInvite invite
                && invite.claimFinal()) {
            counts.upstreamTimeout.incrementAndGet();
            respond(invite, Response.REQUEST_TIMEOUT, "Upstream Timeout");
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    /** Answers the customer's INVITE here with a final response. */
    private void respond(SuspendedInvite invite, int status, String reason) {
        open.remove(key(invite.request()));
        try {
            Response response = messages.createResponse(status, invite.request());
            response.setReasonPhrase(reason);
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to.getTag() == null) {
                to.setTag(TO_TAG);
            }
            invite.customer().sendResponse(response);
        } catch (Exception e) {
            warn("answer " + status, e);
        }
    }

    private boolean decrementMaxForwards(Request request) {
        MaxForwardsHeader hops = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (hops == null) {
            return true;
        }
        try {
            hops.decrementMaxForwards();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** A Request-URI naming this proxy names the upstream instead. */
    private void retarget(Request request) {
        URI uri = request.getRequestURI();
        if (uri instanceof SipURI sip && isSelf(sip)) {
            SipURI next = (SipURI) sip.clone();
            try {
                next.setHost(upstream.host());
                next.setPort(upstream.port());
            } catch (Exception e) {
                throw new IllegalStateException("upstream " + upstream + ": " + e.getMessage(), e);
            }
            request.setRequestURI(next);
        }
    }

    private boolean isSelf(SipURI uri) {
        int port = uri.getPort() > 0 ? uri.getPort() : 5060;
        return self.host().equals(uri.getHost()) && port == self.port();
    }

    private static String fromDomain(Request request) {
        URI uri = ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI();
        return uri instanceof SipURI sip ? sip.getHost() : null;
    }

    private static String key(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId() + " " + (via == null ? "" : via.getBranch())
                + " " + ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
    }

    private static void warn(String what, Exception e) {
        System.err.println("ShapingProxy: " + what + ": " + e);
    }
}
