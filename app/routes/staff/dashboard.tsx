import { Link } from "react-router";
import { ROLE_LABELS } from "~/modules/auth/role-labels";
import { useStaffContext } from "~/modules/auth/staff-context";

export default function Dashboard() {
  const { user, municipalities, assignments } = useStaffContext();
  return (
    <>
      <title>Beheer — Digibrug</title>
      <h1>Dag {user.name}</h1>
      <h2>Uw rollen</h2>
      <ul>
        {assignments.map((a, i) => (
          <li key={i}>
            {ROLE_LABELS[a.role]}
            {a.municipalityId ? ` in ${municipalities.find((m) => m.id === a.municipalityId)?.name ?? ""}` : " (alle gemeenten)"}
          </li>
        ))}
      </ul>
      <h2>Kies een gemeente</h2>
      {municipalities.length === 0 ? <p>U hebt nog geen rol in een gemeente. Vraag het aan een coördinator.</p> : null}
      <ul className="pillars">
        {municipalities.map((m) => (
          <li key={m.id}>
            <Link to={`/beheer/${m.slug}/overzicht`} className="pillar">
              <span className="pillar-title">{m.name}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
