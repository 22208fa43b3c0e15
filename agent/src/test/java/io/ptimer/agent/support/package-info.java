/** What the tests share: child JVMs running a host with the built agent jar, and the operator's tools around one. */
package io.ptimer.agent.support;
