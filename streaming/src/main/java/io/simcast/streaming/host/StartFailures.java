package io.simcast.streaming.host;

import io.simcast.streaming.StreamingMessages;
import java.net.BindException;
import java.net.UnknownHostException;

/**
 * What stopped the host from starting, in words the operator can act on. Only a failure to bind (a
 * {@link BindException} inside Undertow's exception) is a port conflict; a host name this machine does not know is
 * the operator's to fix too; anything else is reported as what it is, with its cause, never as a port conflict.
 */
final class StartFailures {
    private StartFailures() {}

    /**
     * @return an {@link IllegalArgumentException} for what the operator's settings caused (the address, the TLS
     *     files), else an {@link IllegalStateException} naming the failure
     */
    static RuntimeException explain(String host, int port, RuntimeException failure) {
        if (failure instanceof IllegalArgumentException) {
            return failure; // the TLS files: the message already names the file and the problem
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                return new IllegalArgumentException(StreamingMessages.cannotBind(host, port,
                        StreamingMessages.reason(bind)), failure);
            }
            if (cause instanceof UnknownHostException unknown) {
                return new IllegalArgumentException(StreamingMessages.unknownHost(host, port,
                        StreamingMessages.reason(unknown)), failure);
            }
        }
        return new IllegalStateException(StreamingMessages.cannotStart(host, port, failure.toString()), failure);
    }
}
