# Operator corrections: TRADE_BUST names a trade by its id, the seq of the command that produced it and
# its index among that command's trades (from 0), and reverses its settlement between the two accounts
# in available balances: the buyer gives the base back and gets the quote back, the seller the reverse.
# Refused whole when either account no longer has what it must give back (INSUFFICIENT_FUNDS), for an
# id that names no trade (UNKNOWN_TRADE) and for a second bust (DUPLICATE_BUST). The book is not touched.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,10000
DEPOSIT,0,2,BTC,10
DEPOSIT,0,3,BTC,10
PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,3
PLACE,1,3,30,BTC-USD,SELL,LIMIT,GTC,101,5
# seq 7 sweeps both: trade (7,0) is 3 at 100 with account 2, trade (7,1) 4 at 101 with account 3
PLACE,2,1,10,BTC-USD,BUY,LIMIT,GTC,102,7
# bust (7,1): account 1 gives back 4 BTC and gets back 404 USD; account 3 the reverse
TRADE_BUST,3,7,1
# busted already
TRADE_BUST,4,7,1
# seq 6 produced no trade; seq 7 has no third trade
TRADE_BUST,5,6,0
TRADE_BUST,5,7,2
# account 1 withdraws 1 of its 3 BTC: trade (7,0) can no longer be given back whole
WITHDRAW,6,1,BTC,1
TRADE_BUST,7,7,0
# the operator credits it back first (reason code 3); then the bust goes through
BALANCE_ADJUST,8,1,BTC,1,3
TRADE_BUST,9,7,0
# the orders were not revived: order 30 still rests with 1 lot and trades
PLACE,10,1,11,BTC-USD,BUY,LIMIT,IOC,101,1
