package fr.communs.piece.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PieceDownloadHandlerTest {

    @Test
    void the_content_disposition_header_cannot_be_broken_by_quotes_or_line_breaks_in_a_name() {
        String header = PieceDownloadHandler.contentDisposition("a\"b\\c\r\nSet-Cookie: x.pdf");
        assertThat(header).startsWith("attachment; filename=\"a_b_c__Set-Cookie: x.pdf\"; filename*=UTF-8''")
                .doesNotContain("\r").doesNotContain("\n")
                .endsWith("a%22b%5Cc%0D%0ASet-Cookie%3A%20x.pdf");
    }
}
