# The api-keys launcher's supervisor for run: perl run-supervisor.pl JAVA ARGS...
#
# A JVM cannot take QUIT (it keeps it for thread dumps), so this stays in front of run's JVM: the JVM
# runs in a session of its own (signals from the terminal reach only this process, once), INT, TERM
# and HUP go on to it, QUIT goes on as USR1 (which run passes to the command's group as QUIT), a
# signal ignored at start stays ignored, and this ends as the JVM did: with its status, or killed by
# the signal that killed it.
use strict;
use warnings;
use POSIX qw(:signal_h :sys_wait_h);
use Config;

my %relay = (INT => 'INT', TERM => 'TERM', HUP => 'HUP', QUIT => 'USR1');
my $relayed = POSIX::SigSet->new(SIGINT, SIGTERM, SIGHUP, SIGQUIT);
my $before = POSIX::SigSet->new;
sigprocmask(SIG_BLOCK, $relayed, $before);

my $pid = fork;
defined $pid or die "api-keys: cannot start $ARGV[0]: $!\n";
if ($pid == 0) {
    POSIX::setsid();
    sigprocmask(SIG_SETMASK, $before);
    no warnings 'exec';    # the message below says it once
    exec { $ARGV[0] } @ARGV or do {
        print STDERR "api-keys: cannot execute $ARGV[0]: $!\n";
        POSIX::_exit(126);
    };
}

for my $name (keys %relay) {
    next if ($SIG{$name} // '') eq 'IGNORE';
    my $to = $relay{$name};
    $SIG{$name} = sub { kill $to, $pid };
}
sigprocmask(SIG_SETMASK, $before);

my $done;
do { $done = waitpid($pid, 0) } until $done == $pid || ($done == -1 && !$!{EINTR});
exit 1 if $done != $pid;
exit WEXITSTATUS($?) if WIFEXITED($?);
my $signal = WTERMSIG($?);
$SIG{(split ' ', $Config{sig_name})[$signal]} = 'DEFAULT';
kill $signal, $$;
exit 128 + $signal;
