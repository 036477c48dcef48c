package io.ticketing.platform.tracing;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/** Takes the caller's correlation id (or makes one), logs with it, and returns it in the response. */
public class CorrelationFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader(Correlation.HTTP_HEADER);
        String correlationId = incoming != null && incoming.length() <= 100 && incoming.matches("[A-Za-z0-9._:-]+")
                ? incoming : null;
        try (Correlation.Scope ignored = Correlation.open(correlationId, null, request.getHeader("traceparent"))) {
            response.setHeader(Correlation.HTTP_HEADER, Correlation.correlationId());
            chain.doFilter(request, response);
        }
    }
}
