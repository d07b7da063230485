package fr.communs.base.config;

import fr.communs.base.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Servlet-level fallback for requests that are not Vaadin page navigations (downloads, exports, anything a servlet
 * answers): when the database cannot be reached, the person gets a short French page with status 503 and a
 * {@code Retry-After} instead of a stack trace or an English error page. (Page navigations have their own French page:
 * {@code base/ui/ErrorView}.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // around Spring Security and every servlet
class DatabaseUnavailableFilter extends OncePerRequestFilter {
    static final int RETRY_AFTER_SECONDS = 10;
    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><title>Service momentanément indisponible — Communs</title>
            <meta http-equiv="refresh" content="%d"></head>
            <body><main><h1>Service momentanément indisponible</h1>
            <p>La plateforme ne parvient pas à joindre sa base de données pour le moment. Les informations déjà
            enregistrées sont conservées. Nouvel essai automatique dans %d secondes.</p>
            <p><a href="">Réessayer</a></p></main></body></html>
            """.formatted(RETRY_AFTER_SECONDS, RETRY_AFTER_SECONDS);
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Base de données indisponible pour {} : {}", request.getRequestURI(), e.toString());
            unavailable(response);
        }
    }

    static void unavailable(HttpServletResponse response) throws IOException {
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
    }
}
