print("wage-bench: not yet implemented")
