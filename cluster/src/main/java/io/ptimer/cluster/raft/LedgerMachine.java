package io.ptimer.cluster.raft;

import io.ptimer.cluster.ledger.Ask;
import io.ptimer.cluster.ledger.Ledger;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import org.jgroups.raft.StateMachine;

/** The ledger as jgroups-raft's state machine: every replica applies the same asks and contracts in the same order. */
final class LedgerMachine implements StateMachine {
    /** A JVM counts as live for a step when it asked within this many steps: the agent's two ahead, plus two. */
    static final int LIVE_STEPS = 4;
    private final Ledger ledger = new Ledger(LIVE_STEPS);

    @Override
    public synchronized byte[] apply(byte[] data, int offset, int length, boolean serializeResponse) throws Exception {
        DataInputStream in = Commands.entry(data, offset, length);
        byte kind = in.readByte();
        byte[] answer;
        if (kind == Commands.ASK) {
            Ask ask = Commands.ask(in);
            answer = Commands.answer(ledger.ask(ask), ledger.contractOf(ask.loop()));
        } else if (kind == Commands.CONTRACT) {
            answer = Commands.from(ledger.contract(in.readUTF(), in.readInt()));
        } else {
            throw new IllegalArgumentException("unknown entry kind " + kind);
        }
        return serializeResponse ? answer : null;
    }

    @Override
    public synchronized void readContentFrom(DataInput in) throws Exception {
        ledger.readFrom(in);
    }

    @Override
    public synchronized void writeContentTo(DataOutput out) throws Exception {
        ledger.writeTo(out);
    }
}
