-- Les campagnes créées après V013 n'avaient pas de grille de notation : elles reçoivent la grille par défaut (les
-- quatre critères de l'appel, notés de 0 à 5, poids 1). Les campagnes suivantes la reçoivent à leur création.
insert into comite_critere (campagne_id, numero, libelle)
select c.campagne_id, g.numero, g.libelle
from campagne c cross join (values
    (1, 'Nombre et typologie des contributeurs'),
    (2, 'Gouvernance démocratique, coopérative et transparente'),
    (3, 'Pertinence des projets en lien avec les défis'),
    (4, 'Pertinence de la proposition relativement à la notion de communs')) as g (numero, libelle)
where not exists (select 1 from comite_critere k where k.campagne_id = c.campagne_id);
