/**
 * What the tests share: child JVMs running a host with the built agent jar, the operator's tools
 * around one, and application classes compiled for a test.
 */
package io.ptimer.agent.support;
