package fr.communs.base.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnavailableFilterTest {

    @Test
    void a_download_failing_for_lack_of_database_gets_a_french_503_page_with_retry_after() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new DatabaseUnavailableFilter().doFilter(new MockHttpServletRequest("GET", "/piece/12"), response, (req, res) -> {
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                    new SQLTransientConnectionException("communs-embedded - Connection is not available, request timed out after 3000ms."));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("lang=\"fr\"", "Service momentanément indisponible", "Réessayer");
    }

    @Test
    void any_other_failure_goes_through_unchanged() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> new DatabaseUnavailableFilter().doFilter(new MockHttpServletRequest("GET", "/x"), response,
                (req, res) -> {
                    throw new IllegalStateException("un défaut");
                })).isInstanceOf(IllegalStateException.class);
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
