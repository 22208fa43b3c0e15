package io.ptimer.agent.jmx;

import io.ptimer.agent.ptimer.Ptimer;
import io.ptimer.agent.ptimer.Request;
import io.ptimer.agent.runtime.Engine;
import java.util.ArrayList;
import java.util.List;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ReflectionException;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.SimpleType;

/**
 * {@code io.ptimer:type=PTimer}: Kamailio's {@code ptimer.*} RPC commands one to one, {@code list()}
 * (everything), {@code list(String section)} (one system's part, for {@code kamcmd <section>.list})
 * and the five requests taking {@code (String timer)} or {@code (String timer, int worker)}.
 */
final class ManagerMBean extends ReadOnlyMBean {
    /** The {@code String section} parameter of {@code list}. */
    private static final MBeanParameterInfo SECTION = new MBeanParameterInfo("section", String.class.getName(),
            "ptimer, cluster, rtimer, core or async");
    private final Engine engine;
    private final MBeanInfo info;

    ManagerMBean(Engine engine) {
        this.engine = engine;
        this.info = info();
    }

    private static MBeanInfo info() {
        List<MBeanOperationInfo> ops = new ArrayList<>();
        ops.add(new MBeanOperationInfo("list", "The loaded timers and their workers' state (ptimer.list), then the rtimers and core timers",
                new MBeanParameterInfo[0], String.class.getName(), MBeanOperationInfo.INFO));
        ops.add(new MBeanOperationInfo("list", "One part of the list, as kamcmd <section>.list shows it",
                new MBeanParameterInfo[] {SECTION}, String.class.getName(), MBeanOperationInfo.INFO));
        for (Request r : Request.all()) {
            ops.add(Jmx.operation(r.command(), r.description() + ", for all workers", Jmx.TIMER));
            ops.add(Jmx.operation(r.command(), r.description() + ", for one worker", Jmx.TIMER, Jmx.WORKER));
        }
        ops.add(Jmx.operation("set", Jmx.SET + ", for all workers", Jmx.TIMER, Jmx.ASSIGNMENT));
        ops.add(Jmx.operation("set", Jmx.SET + ", for one worker", Jmx.TIMER, Jmx.ASSIGNMENT, Jmx.WORKER));

        MBeanAttributeInfo timers;
        try {
            timers = Jmx.attribute("timers", new ArrayType<String[]>(SimpleType.STRING, false),
                    "Names of the loaded timers");
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
        return new MBeanInfo(ManagerMBean.class.getName(),
                "ptimer: list the timers; pause, continue, start, loop, end a timer's workers (kamcmd ptimer.*); set its interval, ntasks or nslices",
                new MBeanAttributeInfo[] {timers}, null, ops.toArray(MBeanOperationInfo[]::new), null);
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        if (!attribute.equals("timers")) {
            throw new AttributeNotFoundException("no attribute \"" + attribute + "\" (attributes: timers)");
        }
        return engine.ptimer().timers().stream().map(Ptimer::name).toArray(String[]::new);
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        AttributeList list = new AttributeList();
        for (String a : attributes) {
            if (a.equals("timers")) {
                list.add(new Attribute(a, engine.ptimer().timers().stream().map(Ptimer::name).toArray(String[]::new)));
            }
        }
        return list;
    }

    @Override
    public Object invoke(String action, Object[] params, String[] signature) throws MBeanException, ReflectionException {
        int n = params == null ? 0 : params.length;
        if (action.equals("list") && n == 0) {
            return engine.list();
        }
        if (action.equals("list") && n == 1 && params[0] instanceof String section) {
            try {
                return engine.list(section);
            } catch (IllegalArgumentException e) {
                throw new MBeanException(e, e.getMessage());
            }
        }
        if (action.equals("set") && (n == 2 || n == 3) && params[0] instanceof String && params[1] instanceof String
                && (n == 2 || params[2] instanceof Integer)) {
            Integer worker = n == 2 ? null : (Integer) params[2];
            return Jmx.call(MBeanNames.MANAGER, "set " + params[1], (String) params[0], worker,
                    () -> engine.ptimer().set((String) params[0], (String) params[1], worker));
        }
        Request request = Request.of(action);
        if (request == null || n < 1 || n > 2 || !(params[0] instanceof String)
                || (n == 2 && !(params[1] instanceof Integer))) {
            throw Jmx.noSuchOperation(action, params, "list(), list(String section), pause, continue, start, loop, end, each with"
                    + " (String timer) or (String timer, int worker), and set with (String timer, String assignment)"
                    + " or (String timer, String assignment, int worker)");
        }
        Integer worker = n == 1 ? null : (Integer) params[1];
        return Jmx.call(MBeanNames.MANAGER, request.command(), (String) params[0], worker,
                () -> engine.ptimer().request(request, (String) params[0], worker));
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return info;
    }
}
