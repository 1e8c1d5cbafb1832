using LoadTest.Audit;

namespace LoadTest.Tests;

public sealed class CheckInAuditorTests
{
    private static readonly string[] s_tickets = ["t1-1", "t1-2", "t2-1"];
    private static readonly string[] s_gates = ["gate-1", "gate-2"];

    [Fact]
    public void A_door_that_admits_each_ticket_once_passes()
    {
        var answers = new[]
        {
            Admitted(0, gate: 0), Refused(0, gate: 1),
            Admitted(1, gate: 1), Refused(1, gate: 0),
            Refused(2, gate: 0), Admitted(2, gate: 1), Refused(2, gate: 0),
        };

        var result = CheckInAuditor.Evaluate(s_tickets, s_gates, answers, Stats(checkedIn: 3, ("gate-1", 1), ("gate-2", 2)));

        Assert.Equal(3, result.Admitted);
        Assert.Equal(4, result.Refused);
        Assert.Equal(0, result.Failed);
        Assert.Equal(3, result.DistinctAdmitted);
        Assert.Equal(0, result.DuplicatesAdmitted);
        Assert.False(result.StatsMismatch);
        Assert.False(result.Incorrect);
        Assert.False(result.Incomplete);
    }

    [Fact]
    public void Two_admissions_of_one_ticket_at_two_gates_are_a_duplicate_admitted()
    {
        var answers = new[] { Admitted(0, gate: 0), Admitted(0, gate: 1), Admitted(0, gate: 1), Admitted(1, gate: 0) };

        var result = CheckInAuditor.Evaluate(s_tickets, s_gates, answers, Stats(checkedIn: 2, ("gate-1", 2)));

        Assert.Equal(2, result.DuplicatesAdmitted);
        Assert.Equal(1, result.TicketsAdmittedMoreThanOnce);
        Assert.Equal(2, result.DistinctAdmitted);
        Assert.Equal(1, result.NotAdmitted);
        Assert.True(result.Incorrect);
    }

    [Fact]
    public void Figures_counting_fewer_admissions_than_the_scanners_got_disagree()
    {
        var answers = new[] { Admitted(0, gate: 0), Admitted(1, gate: 0), Admitted(2, gate: 1) };

        var result = CheckInAuditor.Evaluate(s_tickets, s_gates, answers, Stats(checkedIn: 2, ("gate-1", 1), ("gate-2", 1)));

        Assert.Equal(0, result.DuplicatesAdmitted);
        Assert.True(result.StatsMismatch);
        Assert.Equal(["gate-1"], result.GatesDisagreeing);
        Assert.True(result.Incorrect);
    }

    [Fact]
    public void A_scan_without_an_answer_may_have_admitted_its_ticket_but_no_more()
    {
        var answers = new[] { Admitted(0, gate: 0), new ScanAnswer(1, 1, Status: 0), Refused(1, gate: 0) };

        var admittedUnseen = CheckInAuditor.Evaluate(s_tickets, s_gates, answers, Stats(checkedIn: 2, ("gate-1", 1), ("gate-2", 1)));
        var notAdmitted = CheckInAuditor.Evaluate(s_tickets, s_gates, answers, Stats(checkedIn: 1, ("gate-1", 1)));
        var tooMany = CheckInAuditor.Evaluate(s_tickets, s_gates, answers, Stats(checkedIn: 3, ("gate-1", 2), ("gate-2", 1)));

        Assert.False(admittedUnseen.StatsMismatch);
        Assert.Equal(0, admittedUnseen.PhantomRefusals);
        Assert.Equal(1, admittedUnseen.TicketsWithUnknownOutcome);
        Assert.Equal(1, admittedUnseen.Unanswered);
        Assert.False(admittedUnseen.Incorrect);
        Assert.False(notAdmitted.StatsMismatch);
        Assert.True(tooMany.StatsMismatch);
    }

    [Fact]
    public void A_refusal_for_a_ticket_nobody_was_admitted_with_is_a_phantom()
    {
        var answers = new[] { Admitted(0, gate: 0), Refused(1, gate: 1) };

        var result = CheckInAuditor.Evaluate(s_tickets, s_gates, answers, Stats(checkedIn: 2, ("gate-1", 2)));

        Assert.Equal(1, result.PhantomRefusals);
        Assert.True(result.Incorrect);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(410)]
    [InlineData(422)]
    public void A_server_error_or_a_valid_ticket_turned_away_fails_the_run(int status)
    {
        var answers = new[] { Admitted(0, gate: 0), new ScanAnswer(1, 0, status), Admitted(1, gate: 1) };

        var result = CheckInAuditor.Evaluate(s_tickets, s_gates, answers, Stats(checkedIn: 2, ("gate-1", 1), ("gate-2", 1)));

        Assert.Equal(1, result.Failed);
        Assert.Equal(0, result.DuplicatesAdmitted);
        Assert.True(result.Incorrect);
    }

    [Fact]
    public void A_429_left_when_the_run_ended_is_a_failure_but_not_incorrect()
    {
        var answers = new[] { Admitted(0, gate: 0), new ScanAnswer(1, 0, 429) };

        var result = CheckInAuditor.Evaluate(s_tickets, s_gates, answers, Stats(checkedIn: 1, ("gate-1", 1)));

        Assert.Equal(1, result.RateLimited);
        Assert.Equal(1, result.Failed);
        Assert.False(result.Incorrect);
    }

    [Fact]
    public void An_admission_naming_another_ticket_is_wrong()
    {
        var answers = new[] { new ScanAnswer(0, 0, 200, "t2-1", "admitted") };

        var result = CheckInAuditor.Evaluate(s_tickets, s_gates, answers, Stats(checkedIn: 1, ("gate-1", 1)));

        Assert.Equal(1, result.WrongAdmissions);
        Assert.True(result.Incorrect);
    }

    [Fact]
    public void Unread_figures_leave_the_audit_incomplete_but_still_count_duplicates()
    {
        var answers = new[] { Admitted(0, gate: 0), Admitted(0, gate: 1) };

        var result = CheckInAuditor.Evaluate(s_tickets, s_gates, answers, stats: null, statsError: "GET stats answered 503");

        Assert.True(result.Incomplete);
        Assert.Null(result.StatsCheckedIn);
        Assert.Equal("GET stats answered 503", result.StatsError);
        Assert.Equal(1, result.DuplicatesAdmitted);
        Assert.True(result.Incorrect);
    }

    [Fact]
    public void Figures_for_a_different_number_of_tickets_disagree()
    {
        var answers = new[] { Admitted(0, gate: 0) };

        var result = CheckInAuditor.Evaluate(s_tickets, s_gates, answers, new DoorStats(Tickets: 4, CheckedIn: 1, new Dictionary<string, int> { ["gate-1"] = 1 }));

        Assert.True(result.StatsMismatch);
    }

    private static ScanAnswer Admitted(int ticket, int gate) => new(ticket, gate, 200, s_tickets[ticket], "admitted");

    private static ScanAnswer Refused(int ticket, int gate) => new(ticket, gate, 409);

    private static DoorStats Stats(int checkedIn, params (string Gate, int Count)[] byGate) =>
        new(s_tickets.Length, checkedIn, byGate.ToDictionary(g => g.Gate, g => g.Count));
}
