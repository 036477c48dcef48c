package io.ticketing.ticket.application.port.in;

import java.util.UUID;

/** Who asks to see tickets: owners see their own, admins every ticket. */
public record Viewer(UUID userId, boolean admin) {
}
