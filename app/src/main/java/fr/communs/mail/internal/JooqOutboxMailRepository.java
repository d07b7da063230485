package fr.communs.mail.internal;

import static fr.communs.db.Tables.OUTBOX_MAIL;
import static fr.communs.db.Tables.OUTBOX_MAIL_PIECE;

import fr.communs.base.Mailer;
import fr.communs.mail.OutboxMail;
import fr.communs.mail.OutboxMail.OutboxAttachment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqOutboxMailRepository {
    private final DSLContext dsl;

    JooqOutboxMailRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(String destinataire, String sujet, String texte) {
        insert(destinataire, sujet, texte, List.of());
    }

    /** Keeps the mail and its attachments. */
    public void insert(String destinataire, String sujet, String texte, List<Mailer.Attachment> attachments) {
        long id = dsl.insertInto(OUTBOX_MAIL)
                .set(OUTBOX_MAIL.DESTINATAIRE, destinataire)
                .set(OUTBOX_MAIL.SUJET, sujet)
                .set(OUTBOX_MAIL.TEXTE, texte)
                .returning(OUTBOX_MAIL.OUTBOX_MAIL_ID)
                .fetchOne().getOutboxMailId();
        for (Mailer.Attachment a : attachments) {
            byte[] content = a.content();
            dsl.insertInto(OUTBOX_MAIL_PIECE)
                    .set(OUTBOX_MAIL_PIECE.OUTBOX_MAIL_ID, id)
                    .set(OUTBOX_MAIL_PIECE.NOM_FICHIER, a.filename())
                    .set(OUTBOX_MAIL_PIECE.TYPE_CONTENU, a.contentType())
                    .set(OUTBOX_MAIL_PIECE.TAILLE, content.length)
                    .set(OUTBOX_MAIL_PIECE.CONTENU, content)
                    .execute();
        }
    }

    public List<OutboxMail> page(int offset, int limit) {
        var rows = dsl.selectFrom(OUTBOX_MAIL)
                .orderBy(OUTBOX_MAIL.CREATED_AT.desc(), OUTBOX_MAIL.OUTBOX_MAIL_ID.desc())
                .offset(offset).limit(limit)
                .fetch();
        List<Long> ids = rows.map(r -> r.getOutboxMailId());
        Map<Long, List<OutboxAttachment>> pieces = ids.isEmpty() ? Map.of() : dsl
                .select(OUTBOX_MAIL_PIECE.OUTBOX_MAIL_ID, OUTBOX_MAIL_PIECE.OUTBOX_MAIL_PIECE_ID,
                        OUTBOX_MAIL_PIECE.NOM_FICHIER, OUTBOX_MAIL_PIECE.TYPE_CONTENU, OUTBOX_MAIL_PIECE.TAILLE)
                .from(OUTBOX_MAIL_PIECE).where(OUTBOX_MAIL_PIECE.OUTBOX_MAIL_ID.in(ids))
                .orderBy(OUTBOX_MAIL_PIECE.OUTBOX_MAIL_PIECE_ID)
                .fetch().stream()
                .collect(Collectors.groupingBy(r -> r.value1(),
                        Collectors.mapping(r -> new OutboxAttachment(r.value2(), r.value3(), r.value4(), r.value5()),
                                Collectors.toList())));
        return rows.map(r -> new OutboxMail(r.getOutboxMailId(), r.getCreatedAt(), r.getDestinataire(), r.getSujet(),
                r.getTexte(), pieces.getOrDefault(r.getOutboxMailId(), List.of())));
    }

    /** One kept attachment, with its content. */
    public Optional<Mailer.Attachment> attachment(long pieceId) {
        return dsl.selectFrom(OUTBOX_MAIL_PIECE).where(OUTBOX_MAIL_PIECE.OUTBOX_MAIL_PIECE_ID.eq(pieceId))
                .fetchOptional(r -> new Mailer.Attachment(r.getNomFichier(), r.getTypeContenu(), r.getContenu()));
    }

    public int count() {
        return dsl.fetchCount(OUTBOX_MAIL);
    }
}
