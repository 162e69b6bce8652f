/**
 * Energy insights: the owner's static tariff, each session's cost estimate, and energy and cost
 * per day, week or month in the owner's time zone ({@link io.plughome.insight.EnergyBuckets}, a
 * pure function of the sessions). A session is counted in the bucket in which it started, and
 * priced at the tariff in force when it started.
 */
package io.plughome.insight;
