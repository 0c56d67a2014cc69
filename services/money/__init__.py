"""Money: amounts in Chinese capitals (大写金额) and in English words. Qt-free."""
