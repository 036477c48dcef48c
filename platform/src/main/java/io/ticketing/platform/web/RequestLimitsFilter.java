package io.ticketing.platform.web;

import java.io.IOException;

import io.ticketing.platform.error.ProblemKind;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses declared bodies larger than the limit with 413 before anything reads them, and a query holding the NUL
 * character ({@code %00}) with 400: no parameter needs one, and PostgreSQL refuses it in text.
 */
public class RequestLimitsFilter extends OncePerRequestFilter {

    private static final String ENCODED_NUL = "%00";

    private final long maxBodyBytes;
    private final ProblemWriter problems;

    public RequestLimitsFilter(long maxBodyBytes, ProblemWriter problems) {
        this.maxBodyBytes = maxBodyBytes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            problems.write(request, response, ProblemKind.PAYLOAD_TOO_LARGE,
                    "The body exceeds " + maxBodyBytes + " bytes");
            return;
        }
        String query = request.getQueryString();
        if (query != null && query.contains(ENCODED_NUL)) {
            problems.write(request, response, ProblemKind.INVALID_INPUT,
                    "The query must not contain the NUL character (%00)");
            return;
        }
        chain.doFilter(request, response);
    }
}
