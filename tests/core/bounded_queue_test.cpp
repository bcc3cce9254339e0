// The queue between the hub import's reading and writing threads (core/bounded_queue.h): items
// arrive in order, a full queue holds the producer back, closing lets the consumer drain what is
// left, and cancelling stops a producer that waits on a full queue.
#include "core/bounded_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace bsap {
namespace {

TEST(BoundedQueue, DeliversInOrderAndDrainsAfterClose) {
  BoundedQueue<int> queue(2);
  std::thread producer([&] {
    for (int i = 0; i < 100; ++i) ASSERT_TRUE(queue.push(i));
    queue.close();
  });
  std::vector<int> got;
  while (auto item = queue.pop()) got.push_back(*item);
  producer.join();
  ASSERT_EQ(got.size(), 100u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(got[static_cast<std::size_t>(i)], i);
}

TEST(BoundedQueue, AFullQueueHoldsTheProducerUntilAnItemIsTaken) {
  BoundedQueue<int> queue(1);
  ASSERT_TRUE(queue.push(1));
  std::atomic<bool> second_pushed = false;
  std::thread producer([&] {
    queue.push(2);
    second_pushed = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(second_pushed);  // at capacity 1, the second push waits
  EXPECT_EQ(queue.pop(), 1);
  producer.join();
  EXPECT_TRUE(second_pushed);
  EXPECT_EQ(queue.pop(), 2);
}

TEST(BoundedQueue, CancelRefusesTheWaitingProducerAndEmptiesTheQueue) {
  BoundedQueue<int> queue(1);
  ASSERT_TRUE(queue.push(1));
  std::atomic<int> refused = 0;
  std::thread producer([&] {
    if (!queue.push(2)) ++refused;
  });
  queue.cancel();
  producer.join();
  EXPECT_EQ(refused, 1);
  EXPECT_FALSE(queue.pop().has_value());
  EXPECT_FALSE(queue.push(3));
}

TEST(BoundedQueue, ACapacityOfZeroIsTakenAsOne) {
  BoundedQueue<int> queue(0);
  ASSERT_TRUE(queue.push(7));
  queue.close();
  EXPECT_EQ(queue.pop(), 7);
  EXPECT_FALSE(queue.pop().has_value());
}

}  // namespace
}  // namespace bsap
