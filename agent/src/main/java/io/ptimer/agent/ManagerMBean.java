package io.ptimer.agent;

import java.util.ArrayList;
import java.util.List;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.ReflectionException;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenMBeanAttributeInfoSupport;
import javax.management.openmbean.OpenMBeanInfoSupport;
import javax.management.openmbean.OpenMBeanOperationInfoSupport;
import javax.management.openmbean.OpenMBeanParameterInfoSupport;
import javax.management.openmbean.SimpleType;

/**
 * {@code io.ptimer:type=PTimer}: Kamailio's {@code ptimer.*} RPC commands one to one, {@code list()}
 * and the five requests taking {@code (String timer)} or {@code (String timer, int worker)}.
 */
final class ManagerMBean implements DynamicMBean {
    private final Engine engine;
    private final MBeanInfo info;

    ManagerMBean(Engine engine) {
        this.engine = engine;
        this.info = info();
    }

    private static MBeanInfo info() {
        OpenMBeanParameterInfoSupport timer = new OpenMBeanParameterInfoSupport("timer", "Timer name",
                SimpleType.STRING);
        OpenMBeanParameterInfoSupport worker = new OpenMBeanParameterInfoSupport("worker", "Worker index, 0-based",
                SimpleType.INTEGER);
        List<OpenMBeanOperationInfoSupport> ops = new ArrayList<>();
        ops.add(new OpenMBeanOperationInfoSupport("list", "The loaded timers and their workers' state (ptimer.list)",
                new OpenMBeanParameterInfoSupport[0], SimpleType.STRING, MBeanOperationInfo.INFO));
        for (Request r : Request.values()) {
            ops.add(new OpenMBeanOperationInfoSupport(r.command(), TimerMBean.describe(r) + ", for all workers",
                    new OpenMBeanParameterInfoSupport[] {timer}, SimpleType.STRING, MBeanOperationInfo.ACTION));
            ops.add(new OpenMBeanOperationInfoSupport(r.command(), TimerMBean.describe(r) + ", for one worker",
                    new OpenMBeanParameterInfoSupport[] {timer, worker}, SimpleType.STRING,
                    MBeanOperationInfo.ACTION));
        }
        OpenMBeanAttributeInfoSupport timers;
        try {
            timers = new OpenMBeanAttributeInfoSupport("timers", "Names of the loaded timers",
                    new ArrayType<String[]>(SimpleType.STRING, false), true, false, false);
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
        return new OpenMBeanInfoSupport(ManagerMBean.class.getName(),
                "ptimer: list the timers; pause, continue, start, loop, end a timer's workers (kamcmd ptimer.*)",
                new OpenMBeanAttributeInfoSupport[] {timers}, null,
                ops.toArray(OpenMBeanOperationInfoSupport[]::new), null);
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        if (!attribute.equals("timers")) {
            throw new AttributeNotFoundException("no attribute \"" + attribute + "\" (attributes: timers)");
        }
        return engine.timers().stream().map(Timer::name).toArray(String[]::new);
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        AttributeList list = new AttributeList();
        for (String a : attributes) {
            if (a.equals("timers")) {
                list.add(new Attribute(a, engine.timers().stream().map(Timer::name).toArray(String[]::new)));
            }
        }
        return list;
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException("attribute \"" + attribute.getName() + "\" is read-only");
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String action, Object[] params, String[] signature) throws MBeanException, ReflectionException {
        int n = params == null ? 0 : params.length;
        if (action.equals("list") && n == 0) {
            return Listing.of(engine.timers());
        }
        Request request = Request.of(action);
        if (request == null || n < 1 || n > 2 || !(params[0] instanceof String)
                || (n == 2 && !(params[1] instanceof Integer))) {
            throw new ReflectionException(new NoSuchMethodException(action), "no operation " + action + " with "
                    + n + " argument(s); operations: list(), and pause, continue, start, loop, end, each with"
                    + " (String timer) or (String timer, int worker)");
        }
        return Jmx.call(() -> engine.request(request, (String) params[0], n == 1 ? null : (Integer) params[1]));
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return info;
    }
}
