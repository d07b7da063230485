package fr.communs.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cache headers of the static files, public and identical for everyone: the webjars (Leaflet and its plugin for the
 * map, Chart.js) have their version in their address and never change, so browsers keep them a year; our own styles,
 * scripts and images keep their address across releases, so browsers keep them an hour. Pages, Vaadin's messages
 * and downloads are never matched: they keep Spring Security's {@code no-store}.
 *
 * <p>The header is set before the file is served, and stays: what the file servers would set (Vaadin's or Spring's)
 * is ignored. A response that is not the file (an error, a redirection to the login page for a missing file) turns it
 * into {@code no-store}.
 */
final class StaticCache extends OncePerRequestFilter {
    static final String[] PATTERNS = {"/webjars/**", "/styles/**", "/scripts/**", "/images/**"};
    static final RequestMatcher PATHS = new OrRequestMatcher(Arrays.stream(PATTERNS)
            .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList());
    static final String VERSIONED = "public, max-age=31536000, immutable";
    static final String UNVERSIONED = "public, max-age=3600";
    private static final RequestMatcher WEBJARS = PathPatternRequestMatcher.withDefaults().matcher("/webjars/**");
    private static final String CACHE_CONTROL = "Cache-Control";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATHS.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(CACHE_CONTROL, WEBJARS.matches(request) ? VERSIONED : UNVERSIONED);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            private boolean ours(String name) {
                return CACHE_CONTROL.equalsIgnoreCase(name) || "Pragma".equalsIgnoreCase(name) || "Expires".equalsIgnoreCase(name);
            }

            private void notCached() {
                super.setHeader(CACHE_CONTROL, "no-store");
            }

            @Override
            public void setHeader(String name, String value) {
                if (!ours(name)) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!ours(name)) {
                    super.addHeader(name, value);
                }
            }

            @Override
            public void setDateHeader(String name, long date) {
                if (!ours(name)) {
                    super.setDateHeader(name, date);
                }
            }

            @Override
            public void addDateHeader(String name, long date) {
                if (!ours(name)) {
                    super.addDateHeader(name, date);
                }
            }

            @Override
            public void setStatus(int sc) {
                if (sc != SC_OK && sc != SC_NOT_MODIFIED && sc != SC_PARTIAL_CONTENT) {
                    notCached();
                }
                super.setStatus(sc);
            }

            @Override
            public void sendError(int sc) throws IOException {
                notCached();
                super.sendError(sc);
            }

            @Override
            public void sendError(int sc, String msg) throws IOException {
                notCached();
                super.sendError(sc, msg);
            }

            @Override
            public void sendRedirect(String location) throws IOException {
                notCached();
                super.sendRedirect(location);
            }
        });
    }
}
