package io.plughome.api.v1;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a collection: the items, and how many there are in all. */
@Schema(description = "A page of a collection; limit and offset page it")
public record Page<T>(List<T> items, @Schema(description = "Number of items in all pages") long total) {
}
