package io.ptimer.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

@Name("io.ptimer.ClusterSending")
@Label("Cluster Sending")
@Category("ptimer")
@Description("This JVM stopped spending its cluster's grants, for a reason, or spends them again")
@StackTrace(false)
final class ClusterSendingEvent extends jdk.jfr.Event {
    @Label("Cluster")
    String cluster;
    @Label("Sending")
    boolean sending;
    @Label("Reason")
    @Description("Why it sends nothing; empty when it sends again")
    String reason;

    static void emit(String cluster, boolean sending, String reason) {
        ClusterSendingEvent e = new ClusterSendingEvent();
        if (e.shouldCommit()) {
            e.cluster = cluster;
            e.sending = sending;
            e.reason = reason;
            e.commit();
        }
    }
}
