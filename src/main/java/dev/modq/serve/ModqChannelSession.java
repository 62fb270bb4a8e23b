package dev.modq.serve;

import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.common.channel.RequestHandler.Result;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.session.ServerSession;

import java.io.IOException;
import java.util.Map;

/**
 * A session channel that does only what modq needs: a pty (remembered, so a shell without one can be refused),
 * TERM and LANG from the client's environment and nothing else, no agent or X11 forwarding, no subsystem (SFTP).
 */
final class ModqChannelSession extends ChannelSession {

    /** The only kind of channel the server opens (no direct-tcpip: no port forwarding). */
    static final ChannelFactory FACTORY = new ChannelFactory() {
        @Override
        public String getName() {
            return "session";
        }

        @Override
        public Channel createChannel(Session session) {
            return new ModqChannelSession();
        }
    };

    private volatile boolean pty;

    boolean pty() {
        return pty;
    }

    @Override
    protected Result handlePtyReqParsed(String term, int columns, int rows, int width, int height,
                                        Map<PtyMode, Integer> modes) throws IOException {
        pty = true;
        return super.handlePtyReqParsed(term, columns, rows, width, height, modes);
    }

    @Override
    protected Result handleEnvParsed(String name, String value) throws IOException {
        if (name.equals("TERM") || name.equals("LANG")) {
            return super.handleEnvParsed(name, value);
        }
        return Result.ReplyFailure;
    }

    @Override
    protected Result handleAgentForwarding(String requestType, Buffer buffer, boolean wantReply) {
        return Result.ReplyFailure;
    }

    @Override
    protected Result handleX11Forwarding(String requestType, Buffer buffer, boolean wantReply) {
        return Result.ReplyFailure;
    }

    @Override
    protected Result handleSubsystem(String requestType, Buffer buffer, boolean wantReply) {
        return Result.ReplyFailure;
    }

    ServerSession serverSession() {
        return getServerSession();
    }
}
