package io.plughome.charger;

/** Whether a charger may operate: the answer to its BootNotification. */
public enum Registration {
    ACCEPTED, PENDING, REJECTED
}
