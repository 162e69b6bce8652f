/**
 * Smart charging: how much each charger may draw, and when. A charger's own limit, its allowed
 * charging windows, an owner's "charge now" override and the site's share of the main fuse
 * decide one effective limit ({@link io.plughome.smart.LimitPolicy} and
 * {@link io.plughome.smart.SitePlan}, pure functions of the rules and the clock);
 * {@link io.plughome.smart.SmartCharging} keeps every connected charger at that limit with
 * charging profiles, trying the documented fallbacks on chargers that refuse one, and EJB
 * calendar timers wake it at the edges of every window.
 */
package io.plughome.smart;
