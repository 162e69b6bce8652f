package io.plughome.authorization;

/** The idTags changed; the local authorization list is now at {@code version}. */
public record IdTagsChanged(int version) {
}
