# AMEND newTotalQty counts filled lots (FIX): open = newTotalQty - filled. A SELL amended down
# to a crossing price trades as taker at the bid's price.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,10000
DEPOSIT,0,2,BTC,100
PLACE,1,2,100,BTC-USD,SELL,LIMIT,GTC,50,10
# 100: filled 4, open 6
PLACE,2,1,101,BTC-USD,BUY,LIMIT,IOC,50,4
# total 7 -> open 3 (smaller, same price: keeps place); reserved 6 -> 3
AMEND,3,2,100,,7
PLACE,4,2,102,BTC-USD,SELL,LIMIT,GTC,50,1
# total 12 -> open 8 (larger: behind 102); reserved 3 + 1 -> 8 + 1
AMEND,5,2,100,,12
# 1 @50 from 102, 1 @50 from 100 (filled 5, open 7)
PLACE,6,1,103,BTC-USD,BUY,LIMIT,IOC,50,2
PLACE,7,1,104,BTC-USD,BUY,LIMIT,GTC,45,3
# empty qty keeps total 12: open 7 at 44; takes 3 @45 from 104; 4 rest at 44
AMEND,8,2,100,44,
