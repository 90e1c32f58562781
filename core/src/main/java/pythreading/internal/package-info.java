/**
 * pythreading's internals, shared by its public packages: the timeout rules, the
 * interrupt policy, and what keeps the JVM running for work Python would wait for. Not
 * part of the API: the module does not export it, and it may change at any time.
 */
package pythreading.internal;
