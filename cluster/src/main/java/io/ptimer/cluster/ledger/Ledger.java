package io.ptimer.cluster.ledger;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ledger's state machine. Its one rule: the grants of one loop in one step never add up to
 * more than the budget of the step's first request. A repeated request gets the grant already
 * made; a request for a step the ledger has forgotten gets 0. A timer's {@code ntasks} set for the
 * whole cluster ({@link #contract}) holds from a step no loop of the timer has asked for yet: from
 * then on a request naming another {@code ntasks} gets 0.
 */
public final class Ledger {
    /** How many steps the ledger keeps behind the newest step asked for. */
    public static final int RETAIN = 64;

    private final int liveSteps;
    private final Map<String, Loop> loops = new TreeMap<>();
    /** By timer: the step each {@code ntasks} set for the cluster holds from, and that {@code ntasks}. */
    private final Map<String, TreeMap<Long, Integer>> contracts = new TreeMap<>();

    /**
     * @param liveSteps a JVM counts as live for a step when it asked for a step at most this many
     *                  steps earlier (the steps it asks ahead, plus a margin)
     */
    public Ledger(int liveSteps) {
        if (liveSteps < 1 || liveSteps >= RETAIN) {
            throw new IllegalArgumentException("liveSteps " + liveSteps + " must be within 1.." + (RETAIN - 1));
        }
        this.liveSteps = liveSteps;
    }

    /** Applies one request: the asking JVM's grant for its loop in that step. */
    public int ask(Ask a) {
        Loop loop = loops.computeIfAbsent(a.loop(), k -> new Loop());
        if (a.step() < loop.floor) {
            return 0;
        }
        loop.heard(a);
        int grant = underContract(a) ? grant(loop, a) : 0;
        loop.forgetBefore(a.step() - RETAIN);
        return grant;
    }

    private int grant(Loop loop, Ask a) {
        Step step = loop.steps.get(a.step());
        if (step == null) {
            step = new Step(a.budget());
            loop.steps.put(a.step(), step);
        } else {
            Integer made = step.grants.get(a.member());
            if (made != null) {
                return made;
            }
            step.budget = Math.min(step.budget, a.budget());
        }
        int grant = Math.max(0, Math.min(loop.part(a, step.budget, liveSteps), step.budget - step.granted));
        step.grants.put(a.member(), grant);
        step.granted += grant;
        return grant;
    }

    /**
     * Sets {@code timer}'s {@code ntasks} for every JVM, from the step after the newest any JVM has
     * asked for in any of its loops, so that no step is shared under two contracts.
     *
     * @return the first step it holds for
     */
    public long contract(String timer, int ntasks) {
        if (ntasks < 0) {
            throw new IllegalArgumentException("ntasks " + ntasks + " must be >= 0");
        }
        TreeMap<Long, Integer> timerContracts = contracts.computeIfAbsent(timer, t -> new TreeMap<>());
        long from = timerContracts.isEmpty() ? Long.MIN_VALUE : timerContracts.lastKey();
        for (Map.Entry<String, Loop> e : loops.entrySet()) {
            if (Ask.timerOf(e.getKey()).equals(timer)) {
                for (Heard h : e.getValue().members.values()) {
                    from = Math.max(from, h.step + 1);
                }
            }
        }
        timerContracts.put(from, ntasks);
        Long inForceLongAgo = from < Long.MIN_VALUE + RETAIN ? null : timerContracts.floorKey(from - RETAIN);
        if (inForceLongAgo != null) {
            timerContracts.headMap(inForceLongAgo).clear();
        }
        return from;
    }

    /** The newest {@code ntasks} set for the cluster for {@code loop}'s timer, or {@code null} when none was. */
    public Contract contractOf(String loop) {
        TreeMap<Long, Integer> timerContracts = contracts.get(Ask.timerOf(loop));
        return timerContracts == null || timerContracts.isEmpty() ? null
                : new Contract(timerContracts.lastEntry().getValue(), timerContracts.lastKey());
    }

    /** Whether the ask names the {@code ntasks} set for the cluster at its step, or none is set there. */
    private boolean underContract(Ask a) {
        TreeMap<Long, Integer> timerContracts = contracts.get(Ask.timerOf(a.loop()));
        Map.Entry<Long, Integer> inForce = timerContracts == null ? null : timerContracts.floorEntry(a.step());
        return inForce == null || inForce.getValue() == a.ntasks();
    }

    /** What was granted in all for {@code loop} in {@code step}; 0 for a step unknown or forgotten. */
    public int granted(String loop, long step) {
        Loop l = loops.get(loop);
        Step s = l == null ? null : l.steps.get(step);
        return s == null ? 0 : s.granted;
    }

    /** Writes the whole state, for a replica that joins or a new leader's snapshot. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(loops.size());
        for (Map.Entry<String, Loop> e : loops.entrySet()) {
            out.writeUTF(e.getKey());
            e.getValue().writeTo(out);
        }
        out.writeInt(contracts.size());
        for (Map.Entry<String, TreeMap<Long, Integer>> e : contracts.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().size());
            for (Map.Entry<Long, Integer> c : e.getValue().entrySet()) {
                out.writeLong(c.getKey());
                out.writeInt(c.getValue());
            }
        }
    }

    /** Replaces the state with what {@link #writeTo} wrote. */
    public void readFrom(DataInput in) throws IOException {
        loops.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            loops.put(name, Loop.readFrom(in));
        }
        contracts.clear();
        int timers = in.readInt();
        for (int i = 0; i < timers; i++) {
            TreeMap<Long, Integer> timerContracts = new TreeMap<>();
            contracts.put(in.readUTF(), timerContracts);
            int entries = in.readInt();
            for (int c = 0; c < entries; c++) {
                timerContracts.put(in.readLong(), in.readInt());
            }
        }
    }

    /** One loop's steps and the JVMs heard from. */
    private static final class Loop {
        final TreeMap<Long, Step> steps = new TreeMap<>();
        final TreeMap<String, Heard> members = new TreeMap<>();
        long floor = Long.MIN_VALUE;

        void heard(Ask a) {
            Heard h = members.get(a.member());
            if (h == null) {
                members.put(a.member(), new Heard(a.step(), a.demand()));
            } else if (a.step() >= h.step) {
                h.step = a.step();
                h.demand = a.demand();
            }
        }

        /** The asker's part of {@code budget}, shared with the JVMs live at its step. */
        int part(Ask a, int budget, int liveSteps) {
            int live = 0;
            for (Heard h : members.values()) {
                if (h.step >= a.step() - liveSteps) {
                    live++;
                }
            }
            int[] demands = new int[live];
            int index = -1;
            int i = 0;
            for (Map.Entry<String, Heard> e : members.entrySet()) {
                Heard h = e.getValue();
                if (h.step >= a.step() - liveSteps) {
                    if (e.getKey().equals(a.member())) {
                        index = i;
                        demands[i] = Math.min(a.demand(), budget);
                    } else {
                        demands[i] = Math.min(h.demand, budget);
                    }
                    i++;
                }
            }
            return Sharing.part(a.step(), budget, demands, index);
        }

        void forgetBefore(long step) {
            if (step <= floor) {
                return;
            }
            floor = step;
            steps.headMap(step).clear();
            members.values().removeIf(h -> h.step < step);
        }

        void writeTo(DataOutput out) throws IOException {
            out.writeLong(floor);
            out.writeInt(members.size());
            for (Map.Entry<String, Heard> e : members.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue().step);
                out.writeInt(e.getValue().demand);
            }
            out.writeInt(steps.size());
            for (Map.Entry<Long, Step> e : steps.entrySet()) {
                out.writeLong(e.getKey());
                Step s = e.getValue();
                out.writeInt(s.budget);
                out.writeInt(s.grants.size());
                for (Map.Entry<String, Integer> g : s.grants.entrySet()) {
                    out.writeUTF(g.getKey());
                    out.writeInt(g.getValue());
                }
            }
        }

        static Loop readFrom(DataInput in) throws IOException {
            Loop loop = new Loop();
            loop.floor = in.readLong();
            int members = in.readInt();
            for (int i = 0; i < members; i++) {
                String name = in.readUTF();
                loop.members.put(name, new Heard(in.readLong(), in.readInt()));
            }
            int steps = in.readInt();
            for (int i = 0; i < steps; i++) {
                long index = in.readLong();
                Step s = new Step(in.readInt());
                int grants = in.readInt();
                for (int g = 0; g < grants; g++) {
                    String name = in.readUTF();
                    int grant = in.readInt();
                    s.grants.put(name, grant);
                    s.granted += grant;
                }
                loop.steps.put(index, s);
            }
            return loop;
        }
    }

    /** The newest step a JVM asked for in a loop, and its demand then. */
    private static final class Heard {
        long step;
        int demand;

        Heard(long step, int demand) {
            this.step = step;
            this.demand = demand;
        }
    }

    /** One step of one loop: its budget and the grants made. */
    private static final class Step {
        final TreeMap<String, Integer> grants = new TreeMap<>();
        int budget;
        int granted;

        Step(int budget) {
            this.budget = budget;
        }
    }
}
