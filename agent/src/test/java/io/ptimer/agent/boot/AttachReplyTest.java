package io.ptimer.agent.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AttachReplyTest {

    @Test
    void attachArgumentsCarryTheReplyIdBeforeTheUsersArgs() {
        AttachReply r = AttachReply.parse(AttachReply.request("abc", "timer=name=t|x;interval=1s"));
        assertEquals("abc", r.id());
        assertEquals("timer=name=t|x;interval=1s", r.args());
        AttachReply plain = AttachReply.parse("timer=name=t");
        assertNull(plain.id());
        assertEquals("timer=name=t", plain.args());
        assertNull(AttachReply.parse(null).args());
    }
}
