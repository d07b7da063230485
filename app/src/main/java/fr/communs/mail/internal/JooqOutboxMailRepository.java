package fr.communs.mail.internal;

import static fr.communs.db.Tables.OUTBOX_MAIL;

import fr.communs.mail.OutboxMail;
import java.util.List;
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
        dsl.insertInto(OUTBOX_MAIL)
                .set(OUTBOX_MAIL.DESTINATAIRE, destinataire)
                .set(OUTBOX_MAIL.SUJET, sujet)
                .set(OUTBOX_MAIL.TEXTE, texte)
                .execute();
    }

    public List<OutboxMail> page(int offset, int limit) {
        return dsl.selectFrom(OUTBOX_MAIL)
                .orderBy(OUTBOX_MAIL.CREATED_AT.desc(), OUTBOX_MAIL.OUTBOX_MAIL_ID.desc())
                .offset(offset).limit(limit)
                .fetch(r -> new OutboxMail(r.getOutboxMailId(), r.getCreatedAt(), r.getDestinataire(), r.getSujet(),
                        r.getTexte()));
    }

    public int count() {
        return dsl.fetchCount(OUTBOX_MAIL);
    }
}
