package io.ticketing.platform.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import io.ticketing.platform.error.ProblemKind;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them: declared bodies larger than the limit (413); query parameters that cannot
 * be decoded (bad percent-encoding or UTF-8, which the container would raise later as an error of its own) or that
 * hold the NUL character, which no parameter needs and PostgreSQL refuses in text (400).
 */
public class RequestLimitsFilter extends OncePerRequestFilter {

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
        String refusal = refusedParameters(request);
        if (refusal != null) {
            problems.write(request, response, ProblemKind.INVALID_INPUT, refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    private static @Nullable String refusedParameters(HttpServletRequest request) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException undecodable) { // Tomcat's InvalidParameterException
            return "The query cannot be decoded: use UTF-8 and valid percent-encoding";
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0
                    || Arrays.stream(parameter.getValue()).anyMatch(value -> value.indexOf('\0') >= 0)) {
                return "The query must not contain the NUL character (%00)";
            }
        }
        return null;
    }
}
