# A withdrawal saga: the request puts the amount in flight (out of available, still the account's),
# the wallet's answer lets it leave or brings it back, a deadline passed unanswered starts the next
# attempt with twice the timeout; after the last attempt the saga is cancelling, the amount still in
# flight, until the wallet's answer to the cancel lets it leave (it had paid) or brings it back (TIMED_OUT).
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,1000
# saga 3: 300 in flight, attempt 1 due at 10 + 50 = 60; available 700
WITHDRAW_REQUEST,10,1,USD,300,50,2
# in-flight funds pay for nothing: 701 > 700
WITHDRAW_REQUEST,11,1,USD,701,50,2
# the deadline passes: attempt 2 due at 60 + 100 = 160
TICK,60
# a refusal of attempt 1 comes late: stale, nothing comes back
WITHDRAW_FAIL,61,3,1
# the wallet paid (attempt 2): 300 leaves
WITHDRAW_CONFIRM,62,3,2
WITHDRAW_CONFIRM,63,3,2
# saga 9: 100 in flight; refused at once: 100 back
WITHDRAW_REQUEST,70,1,USD,100,50,1
WITHDRAW_FAIL,71,9,1
# saga 11: never answered; one attempt, due at 80 + 10 = 90: cancelling before the command at 90, 200 still in flight
WITHDRAW_REQUEST,80,1,USD,200,10,1
DEPOSIT,90,1,USD,1
# an external deposit is credited once per transaction id
DEPOSIT_NOTIFY,91,2,USD,50,7001
DEPOSIT_NOTIFY,92,2,USD,50,7001
# the wallet's cancel finds saga 11 not paid: the worker fails its last attempt, 200 back (TIMED_OUT)
WITHDRAW_FAIL,93,11,1
# saga 16: two attempts; attempt 2 due at 104 + 20 = 124, then cancelling with 50 in flight
WITHDRAW_REQUEST,94,1,USD,50,10,2
TICK,104
TICK,124
# a late refusal of attempt 1 while cancelling: stale, nothing comes back
WITHDRAW_FAIL,125,16,1
# the cancel finds attempt 2 paid after its deadline (a slow bank): 50 leaves
WITHDRAW_CONFIRM,126,16,2
# saga 21: cancelling at the end, 70 still in flight
WITHDRAW_REQUEST,127,1,USD,70,5,1
TICK,132
# a saga still in flight at the end: 100 out of available
WITHDRAW_REQUEST,133,1,USD,100,1000,3
