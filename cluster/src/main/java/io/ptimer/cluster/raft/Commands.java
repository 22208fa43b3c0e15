package io.ptimer.cluster.raft;

import io.ptimer.cluster.ledger.Ask;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** The bytes of the log's entries (one {@link Ask} each) and of their answers (one grant). */
final class Commands {
    private Commands() {
    }

    static byte[] ask(Ask a) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(a.member());
            out.writeUTF(a.loop());
            out.writeLong(a.step());
            out.writeInt(a.budget());
            out.writeInt(a.wants());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static Ask ask(byte[] buf, int offset, int length) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(buf, offset, length));
        return new Ask(in.readUTF(), in.readUTF(), in.readLong(), in.readInt(), in.readInt());
    }

    static byte[] grant(int tasks) {
        return new byte[] {(byte) (tasks >>> 24), (byte) (tasks >>> 16), (byte) (tasks >>> 8), (byte) tasks};
    }

    static int grant(byte[] b) {
        return b == null || b.length < 4 ? 0
                : (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | b[3] & 0xff;
    }
}
