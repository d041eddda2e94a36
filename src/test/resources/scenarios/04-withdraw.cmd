# WITHDRAW checks UNKNOWN_ACCOUNT, INVALID_AMOUNT, INSUFFICIENT_FUNDS in that order;
# reserved funds can't be withdrawn; an account emptied by withdrawals still exists.
SYMBOL,0,BTC-USD,BTC,USD
WITHDRAW,0,1,USD,10
# unknown account wins over the invalid amount
WITHDRAW,0,1,USD,0
DEPOSIT,0,1,USD,1000
WITHDRAW,0,1,USD,0
# invalid amount wins over insufficient funds
WITHDRAW,0,1,USD,-5
WITHDRAW,0,1,USD,1001
# an asset the account never held: available is 0
WITHDRAW,0,1,BTC,1
# reserves 200*3 = 600: available 400, reserved 600
PLACE,1,1,100,BTC-USD,BUY,LIMIT,GTC,200,3
WITHDRAW,2,1,USD,401
WITHDRAW,2,1,USD,400
WITHDRAW,2,1,USD,1
# cancel releases 600
CANCEL,3,1,100
WITHDRAW,3,1,USD,600
# account 1 exists with zero balances (no BALANCE lines): funds, not account, are the problem
PLACE,4,1,101,BTC-USD,BUY,LIMIT,GTC,1,1
DEPOSIT,5,2,BTC,10
WITHDRAW,5,2,BTC,4
