# Operator corrections: BALANCE_ADJUST adds a signed amount to one account's available balance, with
# a numeric reason code (1 to 65535). Refused for an unknown account, a zero amount, a reason code out
# of range, a debit below zero available (reserved funds stay untouched) and a credit that overflows.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,1000
DEPOSIT,0,2,BTC,5
# account 1 buys 4 at 100: 400 USD reserved, 600 available
PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,4
# credit: a missed deposit, reason code 1
BALANCE_ADJUST,2,1,USD,50,1
# debit: a double credit reversed, reason code 2; available 650 -> 150
BALANCE_ADJUST,3,1,USD,-500,2
# 151 > 150 available: the 400 reserved cannot be taken
BALANCE_ADJUST,4,1,USD,-151,2
# account 3 does not exist: no account is created
BALANCE_ADJUST,5,3,USD,10,1
# zero amount
BALANCE_ADJUST,6,1,USD,0,1
# reason code out of range
BALANCE_ADJUST,7,1,USD,10,0
BALANCE_ADJUST,8,1,USD,10,65536
# available 5 + 9223372036854775803 overflows
BALANCE_ADJUST,9,2,BTC,9223372036854775803,3
# a credit of an asset the account never held
BALANCE_ADJUST,10,2,USD,7,65535
# the order still trades against the adjusted balances
PLACE,11,2,20,BTC-USD,SELL,LIMIT,GTC,100,4
