package io.plughome.control;

/** Who asked for an action: the API token's name and its role. */
public record Actor(String name, String role) {
}
