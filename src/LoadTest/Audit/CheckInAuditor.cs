namespace LoadTest.Audit;

/// <summary>Pure audit of a door run: the scanners' answers, ticket by ticket, against the API's door figures.</summary>
internal static class CheckInAuditor
{
    private const string AdmittedStatus = "admitted";

    /// <param name="ticketIds">The booked tickets; <see cref="ScanAnswer.Ticket"/> indexes them.</param>
    /// <param name="gates">Gate names; <see cref="ScanAnswer.Gate"/> indexes them.</param>
    /// <param name="answers">Every scan taken from the plan, warm-up included.</param>
    /// <param name="stats">The door figures read after the run; null when the read failed.</param>
    public static CheckInAuditResult Evaluate(IReadOnlyList<string> ticketIds, IReadOnlyList<string> gates, IEnumerable<ScanAnswer> answers, DoorStats? stats, string? statsError = null)
    {
        var admissions = new int[ticketIds.Count];
        var refusals = new int[ticketIds.Count];
        var unknown = new bool[ticketIds.Count];
        var admittedAtGate = new int[gates.Count];
        int scans = 0, admitted = 0, refused = 0, serverErrors = 0, rejected = 0, unanswered = 0, rateLimited = 0, wrong = 0;
        foreach (var answer in answers)
        {
            scans++;
            if (answer.Admitted)
            {
                admitted++;
                admissions[answer.Ticket]++;
                admittedAtGate[answer.Gate]++;
                if (answer.AdmittedTicketId != ticketIds[answer.Ticket] || answer.AdmittedStatus != AdmittedStatus) wrong++;
                continue;
            }

            if (answer.Refused)
            {
                refused++;
                refusals[answer.Ticket]++;
                continue;
            }

            if (answer.OutcomeUnknown) unknown[answer.Ticket] = true;
            if (answer.Status == 0) unanswered++;
            else if (answer.Status >= 500) serverErrors++;
            else if (answer.Status == 429) rateLimited++;
            else rejected++;
        }

        int distinct = 0, duplicates = 0, twice = 0, phantoms = 0, notAdmitted = 0, unknownTickets = 0, mayBeAdmitted = 0;
        for (var t = 0; t < ticketIds.Count; t++)
        {
            if (unknown[t]) unknownTickets++;
            if (admissions[t] == 0)
            {
                notAdmitted++;
                if (unknown[t]) mayBeAdmitted++;
                else if (refusals[t] > 0) phantoms++;
                continue;
            }

            distinct++;
            if (admissions[t] <= 1) continue;
            duplicates += admissions[t] - 1;
            twice++;
        }

        var disagreeing = new List<string>();
        var mismatch = false;
        if (stats is not null)
        {
            // A scan without an answer may have admitted its ticket: the figures may exceed the 200s by that many, no more.
            mismatch = stats.Tickets != ticketIds.Count || stats.CheckedIn < distinct || stats.CheckedIn > distinct + mayBeAdmitted;
            if (unknownTickets == 0)
            {
                for (var g = 0; g < gates.Count; g++)
                {
                    if (stats.ByGate.GetValueOrDefault(gates[g]) != admittedAtGate[g]) disagreeing.Add(gates[g]);
                }

                disagreeing.AddRange(stats.ByGate.Where(kv => kv.Value != 0 && !gates.Contains(kv.Key)).Select(kv => kv.Key));
            }

            mismatch |= disagreeing.Count > 0 || stats.ByGate.Values.Sum() != stats.CheckedIn;
        }

        return new CheckInAuditResult
        {
            Tickets = ticketIds.Count,
            Scans = scans,
            Admitted = admitted,
            Refused = refused,
            ServerErrors = serverErrors,
            Rejected = rejected,
            Unanswered = unanswered,
            RateLimited = rateLimited,
            DistinctAdmitted = distinct,
            DuplicatesAdmitted = duplicates,
            TicketsAdmittedMoreThanOnce = twice,
            WrongAdmissions = wrong,
            PhantomRefusals = phantoms,
            NotAdmitted = notAdmitted,
            TicketsWithUnknownOutcome = unknownTickets,
            StatsTickets = stats?.Tickets,
            StatsCheckedIn = stats?.CheckedIn,
            GatesDisagreeing = disagreeing,
            StatsMismatch = mismatch,
            StatsError = statsError,
        };
    }
}
