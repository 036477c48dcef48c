package io.ticketing.ticket.adapter.in.web;

import java.time.Duration;
import java.util.UUID;

import io.ticketing.platform.security.CurrentUser;
import io.ticketing.platform.web.PageResponse;
import io.ticketing.ticket.application.port.in.GetTicketQuery;
import io.ticketing.ticket.application.port.in.TicketPage;
import io.ticketing.ticket.application.port.in.Viewer;
import io.ticketing.ticket.config.TicketProperties;
import io.ticketing.ticket.domain.model.Ticket;
import io.ticketing.ticket.domain.model.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads of tickets. Bookings and cancellations arrive as commands from the gateway, not here. */
@RestController
@RequestMapping("/api/v1/tickets")
class TicketController {

    private final GetTicketQuery tickets;
    private final Duration maxWait;

    TicketController(GetTicketQuery tickets, TicketProperties properties) {
        this.tickets = tickets;
        this.maxWait = properties.longPoll().max();
    }

    @GetMapping("/{id}")
    ResponseEntity<TicketResponse> get(@PathVariable UUID id, @RequestParam(required = false) @Nullable String wait) {
        Duration waitFor = WaitParameter.parse(wait, maxWait);
        CurrentUser user = CurrentUser.require();
        Viewer viewer = new Viewer(user.id(), user.isAdmin());
        TicketId ticketId = new TicketId(id);
        Ticket ticket = waitFor.isZero() ? tickets.get(ticketId, viewer)
                : tickets.awaitSettled(ticketId, viewer, waitFor);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(TicketResponse.from(ticket));
    }

    @GetMapping
    PageResponse<TicketResponse> listOwn(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageResponse.PageRequest paging = new PageResponse.PageRequest(page, size);
        TicketPage found = tickets.listOwn(CurrentUser.require().id(), paging.page(), paging.size());
        return new PageResponse<>(found.items().stream().map(TicketResponse::from).toList(), found.page(),
                found.size(), found.totalItems());
    }
}
