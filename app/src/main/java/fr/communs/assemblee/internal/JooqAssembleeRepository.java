package fr.communs.assemblee.internal;

import static fr.communs.db.Tables.ASSEMBLEE_VOTE;

import fr.communs.assemblee.VoteAssemblee;
import fr.communs.processes.CycleCommunProcess.ResultatVote;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class JooqAssembleeRepository {
    private final DSLContext dsl;

    JooqAssembleeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(long communId, VoteAssemblee v, long agentId) {
        dsl.insertInto(ASSEMBLEE_VOTE).set(ASSEMBLEE_VOTE.COMMUN_ID, communId)
                .set(ASSEMBLEE_VOTE.RESULTAT, v.resultat().name()).set(ASSEMBLEE_VOTE.MONTANT_VOTE, v.montantVote())
                .set(ASSEMBLEE_VOTE.DATE_SEANCE, v.dateSeance()).set(ASSEMBLEE_VOTE.AGENT_ID, agentId).execute();
    }

    public List<VoteAssemblee> votes(long communId) {
        return dsl.selectFrom(ASSEMBLEE_VOTE).where(ASSEMBLEE_VOTE.COMMUN_ID.eq(communId))
                .orderBy(ASSEMBLEE_VOTE.DATE_SEANCE, ASSEMBLEE_VOTE.ASSEMBLEE_VOTE_ID)
                .fetch(r -> new VoteAssemblee(ResultatVote.valueOf(r.getResultat()), r.getMontantVote(), r.getDateSeance()));
    }
}
