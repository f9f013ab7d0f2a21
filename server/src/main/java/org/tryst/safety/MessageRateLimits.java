package org.tryst.safety;

import org.tryst.config.Config;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;

/**
 * How fast one account and one network address may send requests over WebSockets. A request over
 * the limit is refused with a typed error saying when to retry; other users are not affected.
 */
public final class MessageRateLimits {
    private final Buckets byAccount;
    private final Buckets byAddress;

    public MessageRateLimits(Config.RateLimits config) {
        this.byAccount = Buckets.perSecond(config.messagesPerSecondPerAccount(), config.burstPerAccount());
        this.byAddress = Buckets.perSecond(config.messagesPerSecondPerAddress(), config.burstPerAddress());
    }

    /** Counts one request; throws RATE_LIMITED when the account or the address is over its limit. */
    public void admit(String accountId, String address) {
        long wait = byAccount.take(accountId);
        if (wait == 0) wait = byAddress.take(address);
        if (wait > 0) throw new ProtocolException(ErrorCode.RATE_LIMITED, "too many messages; slow down", wait);
    }

    /** Forgets accounts and addresses that have been quiet. */
    public void sweep() {
        byAccount.forgetFull();
        byAddress.forgetFull();
    }
}
