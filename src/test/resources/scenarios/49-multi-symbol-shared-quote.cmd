# Reservations from orders on different symbols draw on the same account balance; a trade on one
# symbol does not touch another symbol's book.
SYMBOL,0,BTC-USD,BTC,USD
SYMBOL,0,ETH-USD,ETH,USD
DEPOSIT,0,1,USD,1000
DEPOSIT,0,2,ETH,10
# reserves 600, 400 left
PLACE,1,1,100,BTC-USD,BUY,LIMIT,GTC,100,6
# 450 > 400
PLACE,1,1,101,ETH-USD,BUY,LIMIT,GTC,50,9
PLACE,1,1,102,ETH-USD,BUY,LIMIT,GTC,50,8
# 8 @50 from 102, 2 rest at 40
PLACE,2,2,103,ETH-USD,SELL,LIMIT,GTC,40,10
CANCEL,3,1,100
# reserves 90; 2 @40: 10 released
PLACE,4,1,104,ETH-USD,BUY,LIMIT,GTC,45,2
