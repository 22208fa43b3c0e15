package io.ptimer.cluster.raft;

import io.ptimer.cluster.ledger.Ask;
import io.ptimer.cluster.ledger.Contract;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The bytes of the log's entries, each an {@link Ask} or a contract (a timer's {@code ntasks} set
 * for the cluster), and of their answers: a grant with the contract in force, or the step a
 * contract holds from.
 */
final class Commands {
    static final byte ASK = 'A';
    static final byte CONTRACT = 'C';
    /** The {@code ntasks} of an answer when no contract was set. */
    static final int NO_CONTRACT = -1;

    private Commands() {
    }

    /** What a grant's answer says: the tasks granted, and the contract in force, if any. */
    record Answer(int tasks, Contract contract) {
    }

    static byte[] ask(Ask a) {
        return write(out -> {
            out.writeByte(ASK);
            out.writeUTF(a.member());
            out.writeUTF(a.loop());
            out.writeLong(a.step());
            out.writeInt(a.budget());
            out.writeInt(a.wants());
            out.writeInt(a.ntasks());
        });
    }

    static Ask ask(DataInputStream in) throws IOException {
        return new Ask(in.readUTF(), in.readUTF(), in.readLong(), in.readInt(), in.readInt(), in.readInt());
    }

    static byte[] contract(String timer, int ntasks) {
        return write(out -> {
            out.writeByte(CONTRACT);
            out.writeUTF(timer);
            out.writeInt(ntasks);
        });
    }

    /** An entry's bytes to read: its kind ({@link #ASK} or {@link #CONTRACT}) first, then what that kind holds. */
    static DataInputStream entry(byte[] buf, int offset, int length) {
        return new DataInputStream(new ByteArrayInputStream(buf, offset, length));
    }

    static byte[] answer(int tasks, Contract contract) {
        return ByteBuffer.allocate(16).putInt(tasks).putInt(contract == null ? NO_CONTRACT : contract.ntasks())
                .putLong(contract == null ? 0 : contract.from()).array();
    }

    static Answer answer(byte[] b) {
        if (b == null || b.length < 16) {
            return new Answer(0, null);
        }
        ByteBuffer buf = ByteBuffer.wrap(b);
        int tasks = buf.getInt();
        int ntasks = buf.getInt();
        long from = buf.getLong();
        return new Answer(tasks, ntasks == NO_CONTRACT ? null : new Contract(ntasks, from));
    }

    static byte[] from(long step) {
        return ByteBuffer.allocate(8).putLong(step).array();
    }

    static long from(byte[] b) {
        return ByteBuffer.wrap(b).getLong();
    }

    private interface Writing {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Writing writing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writing.write(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
